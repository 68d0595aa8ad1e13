package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.promshift.Promshift;
import io.promshift.model.ProvisioningFile;
import io.promshift.testing.Corpus;
import io.promshift.text.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The performance bar: validating the corpus copied 50 times takes at most twice as long as parsing it.
 * Off by default (it takes a few seconds and wants a quiet machine); run it with
 * {@code mvn -B -q test -Dtest=ValidationBenchmarkTest -Dpromshift.benchmark=true}. Best of several rounds,
 * after warm-up, so that other load on the machine does not decide the result.
 */
class ValidationBenchmarkTest {
  private static final int COPIES = 50;
  private static final int ROUNDS = 9;

  @Test
  void validatingTakesAtMostTwiceAsLongAsParsing() throws IOException {
    assumeTrue(Boolean.getBoolean("promshift.benchmark"), "benchmark off (-Dpromshift.benchmark=true)");
    Promshift promshift = Promshift.create();
    Validator validator = Validator.create();
    List<String> names = new ArrayList<>();
    List<byte[]> bytes = new ArrayList<>();
    for (String folder : List.of("real", "synthetic", "derived")) {
      for (Path file : Corpus.files(folder)) {
        names.add(file.toString());
        bytes.add(Files.readAllBytes(file));
      }
    }
    long bestParse = Long.MAX_VALUE;
    long bestValidate = Long.MAX_VALUE;
    int findings = 0;
    for (int round = 0; round < ROUNDS; round++) {
      List<ProvisioningFile> files = new ArrayList<>(names.size() * COPIES);
      long start = System.nanoTime();
      for (int copy = 0; copy < COPIES; copy++) {
        for (int i = 0; i < bytes.size(); i++) {
          try {
            files.add(promshift.read(names.get(i), bytes.get(i)));
          } catch (SourceException e) {
            // refused files are part of parsing; they have nothing to validate
          }
        }
      }
      long parsed = System.nanoTime();
      findings = 0;
      for (ProvisioningFile file : files) {
        findings += validator.validate(file).size();
      }
      long validated = System.nanoTime();
      bestParse = Math.min(bestParse, parsed - start);
      bestValidate = Math.min(bestValidate, validated - parsed);
    }
    double ratio = (double) bestValidate / bestParse;
    System.out.printf("benchmark: %d files x %d: parse %.0f ms, validate %.0f ms (%d findings), ratio %.2f%n",
        names.size(), COPIES, bestParse / 1e6, bestValidate / 1e6, findings, ratio);
    assertThat(ratio).isLessThanOrEqualTo(2.0);
  }
}

package io.promshift.migrate;

import io.promshift.Promshift;
import io.promshift.bench.Generated;
import io.promshift.model.ProvisioningFile;
import io.promshift.rules.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The library's per-file cost in a warm JVM (issue 16), step by step, over a typical provisioning file (the bundled
 * {@code samples/provisioning/datasources/10-amp-eu-west-1.yaml}: 3 AMP data sources, comments, an anchor and a
 * merge key, 3 KB) and over a large generated one ({@link Generated}, 1 MB, about 2,500 data sources):
 * <ul>
 *   <li>{@code compose}: the floor, SnakeYAML Engine's bare compose of the same text (what any YAML tool pays);
 *   <li>{@code read}: the syntax tree with exact spans, go-yaml v3's view of it and the model
 *       ({@link Promshift#read(String, byte[])});
 *   <li>{@code validate}: the rules and the JSON schema over a file already read ({@code Validator.validate});
 *   <li>{@code plan}: the migration plan of a file already read ({@code --to amazon}: which sources move, the edits);
 *   <li>{@code migrate}: all of a file's migration as {@code migrate --to amazon} runs it: read, plan, edit, and the
 *       verification that reads the result again and compares it with the original data plus the edit.
 * </ul>
 * In package {@code io.promshift.migrate} for the planner, which is not public. Run with the {@code jmh} profile
 * (docs/performance.md, "JMH"): {@code mvn -B -Pjmh test-compile exec:exec@jmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LibraryBench {
  private static final String TYPICAL = "samples/provisioning/datasources/10-amp-eu-west-1.yaml";

  @Param({"typical", "large"})
  public String input;

  private final Promshift promshift = Promshift.create();
  private final MigrationOptions amazon = MigrationOptions.forward().only(Target.AMAZON).build();
  private final Migrator migrator = new Migrator(amazon);
  private final io.promshift.rules.Validator validator = io.promshift.rules.Validator.create();
  private final LoadSettings engine =
      LoadSettings.builder().setParseComments(true).setCodePointLimit(Integer.MAX_VALUE)
        .setMaxAliasesForCollections(Integer.MAX_VALUE).build(); // promshift reads what Engine's default of 50 refuses
  private byte[] bytes;
  private String text;
  private ProvisioningFile file;

  @Setup
  public void setUp() throws IOException {
    bytes = input.equals("typical")
        ? Files.readAllBytes(Path.of(System.getProperty("promshift.basedir", "."), TYPICAL))
        : Generated.file(1024 * 1024).getBytes(StandardCharsets.UTF_8);
    text = new String(bytes, StandardCharsets.UTF_8);
    file = promshift.read("bench.yaml", bytes);
    // a benchmark that measures a refusal would measure the wrong thing: each step must do its whole work
    MigrationResult result = migrator.migrate("bench.yaml", bytes);
    if (result.refusal() != null || result.changes().isEmpty()) {
      throw new IllegalStateException("the " + input + " file must migrate: " + result.refusal());
    }
  }

  @Benchmark
  public int compose() {
    int documents = 0;
    for (Node ignored : new Compose(engine).composeAllFromString(text)) {
      documents++;
    }
    return documents;
  }

  @Benchmark
  public ProvisioningFile read() {
    return promshift.read("bench.yaml", bytes);
  }

  @Benchmark
  public List<Diagnostic> validate() {
    return validator.validate(file);
  }

  @Benchmark
  public MigrationPlan plan() {
    return new MigrationPlanner(file, amazon).plan();
  }

  @Benchmark
  public MigrationResult migrate() {
    return migrator.migrate("bench.yaml", bytes);
  }
}

package io.promshift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.promshift.text.SourceFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A temp file's name is short plain ASCII whatever the target's name, so a long name or one a C locale
 * cannot decode is rewritten like any other; and one file's failure stays that file's.
 */
class TempNameTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aFileWithA255ByteNameIsRewritten(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a".repeat(250) + ".yaml"), "old\n");
    new AtomicWriter().replace(SourceFiles.limitedTo(1000).read(file), bytes("new\n"));
    assertThat(Files.readString(file)).isEqualTo("new\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void tempNamesArePlainAsciiAndShortWhateverTheTargetsName(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("données-" + "é".repeat(100) + ".yaml"), "old\n");
    List<String> seen = new ArrayList<>();
    AtomicWriter writer = new AtomicWriter(true, target -> {
      try (Stream<Path> files = Files.list(target.getParent())) {
        files.filter(AtomicWriter::isTempFile).forEach(temp -> seen.add(temp.getFileName().toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    writer.replace(SourceFiles.limitedTo(1000).read(file), bytes("new\n"));
    assertThat(seen).singleElement().satisfies(name -> {
      assertThat(name).matches("\\.promshift-[0-9]+-[0-9a-z]+-[0-9a-z]+\\.tmp");
      assertThat(name.length()).isLessThanOrEqualTo(64);
    });
    assertThat(Files.readString(file)).isEqualTo("new\n");
  }

  @Test
  void aNonAsciiNameIsRewrittenUnderACLocale(@TempDir Path dir) throws Exception {
    // env -i: no LANG, so the JVM's file name encoding is ASCII and "é" has no Java string that maps back
    Path folder = Files.createDirectory(dir.resolve("repo"));
    Path file = Files.writeString(folder.resolve("données.yaml"), "old\n");
    Path plain = Files.writeString(folder.resolve("plain.yaml"), "old\n");

    SpecialFiles.Child child = SpecialFiles.java(List.of(), Map.of(), ReplaceProbe.class, folder.toString(), "new\n");
    assumeTrue(child.out().startsWith("encoding: ANSI_X3.4-1968"), "a C locale: " + child.out());
    assertThat(child.code()).as(child.out()).isZero();
    assertThat(Files.readString(file)).isEqualTo("new\n");
    assertThat(Files.readString(plain)).isEqualTo("new\n");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).containsExactlyInAnyOrder(file, plain);
    }
  }

  @Test
  void aRuntimeExceptionFromOneFileIsThatFilesFailureNotTheBatchs() {
    List<String> results = new ArrayList<>();
    Batch.forEachOrdered(List.of("a.yaml", "\uFFFD.yaml", "c.yaml"), 2, name -> {
      if (name.startsWith("\uFFFD")) {
        throw new InvalidPathException(name, "Malformed input or input contains unmappable characters");
      }
      return name + ": ok";
    }, (name, e) -> name + ": failed (" + e.getClass().getSimpleName() + ")", results::add);
    assertThat(results).containsExactly("a.yaml: ok", "\uFFFD.yaml: failed (InvalidPathException)", "c.yaml: ok");
  }
}

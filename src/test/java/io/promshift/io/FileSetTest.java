package io.promshift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSetTest {
  private static final Duration QUICKLY = Duration.ofSeconds(20);

  private static Path yaml(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    return Files.writeString(path, "apiVersion: 1\n");
  }

  @Test
  void aRootThatIsALinkToADirectoryIsWalkedLikeTheDirectory(@TempDir Path dir) throws IOException {
    yaml(dir.resolve("repo/datasources/a.yaml"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("repo"));
    assertThat(FileSet.of(link).files()).containsExactly(link.resolve("datasources/a.yaml"));
  }

  @Test
  void linksBelowARootAreNotFollowedOutOfIt(@TempDir Path dir) throws IOException {
    Path root = dir.resolve("repo");
    Path inside = yaml(root.resolve("a.yaml"));
    Path outside = yaml(dir.resolve("elsewhere/b.yaml"));
    Path toInside = Files.createSymbolicLink(root.resolve("c.yaml"), inside.getFileName());
    Files.createSymbolicLink(root.resolve("d.yaml"), outside);
    Files.createSymbolicLink(root.resolve("sub"), dir.resolve("elsewhere"));
    assertThat(FileSet.of(root).files()).containsExactly(inside, toInside);
  }

  @Test
  void theWalkTakesRegularFilesOnlyNeverAPipeASocketOrADevice(@TempDir Path dir) throws Exception {
    Path root = dir.resolve("repo");
    Path regular = yaml(root.resolve("a.yaml"));
    Path fifo = SpecialFiles.fifo(root.resolve("p.yaml"));
    Files.createSymbolicLink(root.resolve("q.yaml"), fifo.getFileName());
    Files.createSymbolicLink(root.resolve("z.yaml"), Path.of("/dev/zero"));
    try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      socket.bind(UnixDomainSocketAddress.of(root.resolve("s.yaml")));
      FileSet.Scan scan = assertTimeoutPreemptively(QUICKLY, () -> FileSet.of(root).scan());
      assertThat(scan.files()).extracting(FileSet.Found::file).containsExactly(regular);
      assertThat(scan.problems()).isEmpty();
    }
  }

  @Test
  void aRootNamedExplicitlyThatIsNotADirectoryIsTakenAsGiven(@TempDir Path dir) throws Exception {
    // validate <(helm template ...) names /dev/fd/63, a pipe: the reader reads it, the walk must not drop it
    Path fifo = SpecialFiles.fifo(dir.resolve("63"));
    assertThat(assertTimeoutPreemptively(QUICKLY, () -> FileSet.of(fifo).files())).containsExactly(fifo);
  }

  @Test
  void anInvalidGlobIsATypedErrorThatNamesItWhenTheSetIsBuilt(@TempDir Path dir) {
    assertThatThrownBy(() -> new FileSet(List.of(dir), List.of("["), List.of()))
        .isInstanceOfSatisfying(FileSet.InvalidGlobException.class, e -> assertThat(e.glob()).isEqualTo("["))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid glob \"[\": a '[' is never closed by a ']'");
    assertThatThrownBy(() -> new FileSet(List.of(dir), List.of(), List.of("{a,b")))
        .isInstanceOfSatisfying(FileSet.InvalidGlobException.class, e -> assertThat(e.glob()).isEqualTo("{a,b"))
        .hasMessage("invalid glob \"{a,b\": a '{' is never closed by a '}'");
    assertThatThrownBy(() -> new FileSet(List.of(dir), List.of("**/[z-a].yaml"), List.of()))
        .hasMessage("invalid glob \"**/[z-a].yaml\": a range in '[...]' runs backwards (such as [z-a])");
  }

  @Test
  void aFileBelowAPathLongerThanPathMaxIsAProblemNotSilentlyMissing() throws Exception {
    // the Java API cannot create such a tree (every call takes the whole path): bash goes down folder by folder
    Path top = Files.createTempDirectory("promshift-deep");
    try {
      SpecialFiles.bash("cd '" + top + "' && for i in $(seq 1 25); do mkdir " + "d".repeat(200) + " && cd "
          + "d".repeat(200) + " || exit 1; done && printf 'apiVersion: 1\\n' > a.yaml");
      FileSet.Scan scan = FileSet.of(top).scan();
      assertThat(scan.files()).isEmpty();
      assertThat(scan.problems()).singleElement().satisfies(problem -> {
        assertThat(problem.message()).isEqualTo("cannot look at this file (file name too long)");
        assertThat(problem.path().startsWith(top)).isTrue();
        assertThat(problem.path().toString().length()).isGreaterThan(4000);
      });
      assertThatThrownBy(() -> FileSet.of(top).found()).hasMessageEndingWith(": cannot look at this file (file name too long)");
    } finally {
      SpecialFiles.bash("rm -rf '" + top + "'");
    }
  }

  @Test
  void tempFilesOfKilledRunsAreReportedAsLeftoversNeverAsInputs(@TempDir Path dir) throws IOException {
    Path root = dir.resolve("repo");
    Path input = yaml(root.resolve("a.yaml"));
    Path current = Files.writeString(root.resolve(".promshift-4194304-abc-0.tmp"), "half a file");
    Path older = Files.writeString(Files.createDirectories(root.resolve("sub")).resolve(".a.yaml.4194304.0.promshift.tmp"),
        "half a file");
    FileSet.Scan scan = FileSet.of(root).scan();
    assertThat(scan.files()).extracting(FileSet.Found::file).containsExactly(input);
    assertThat(scan.leftovers()).containsExactlyInAnyOrder(current, older);
  }

  @Test
  void aWalkThatFindsNothingIsEmptyAndSaysWhyWithTheIncludeGlobsExplained(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "x");
    FileSet plain = new FileSet(List.of(dir));
    assertThat(plain.scan().isEmpty()).isTrue();
    assertThat(plain.nothingFound()).isEqualTo("no YAML file (*.yaml, *.yml) found in " + dir);
    FileSet globbed = new FileSet(List.of(Path.of("prov")), List.of("prov/*.yaml"), List.of());
    assertThat(globbed.nothingFound()).isEqualTo("no YAML file (*.yaml, *.yml) found in prov that the include"
        + " globs 'prov/*.yaml' match; an include glob matches a file's path under its root, not the path as given:"
        + " prov/datasources/ds.yaml is matched as datasources/ds.yaml, so write 'datasources/*.yaml' or"
        + " '**/datasources/*.yaml', not 'prov/datasources/*.yaml'");
    Files.writeString(dir.resolve("a.yaml"), "x");
    assertThat(plain.scan().isEmpty()).isFalse();
  }
}

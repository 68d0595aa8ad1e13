package io.promshift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.promshift.text.FileSnapshot;
import io.promshift.text.SourceFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --write} as root must not hand Grafana's {@code 472:472 0640} file to root, and no rewrite may lose
 * what the file was: owner, group, every mode bit, extended attributes, its other hard links.
 */
class KeepOwnershipTest {
  private static final int GRAFANA = 472;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static FileSnapshot read(Path file) {
    return SourceFiles.limitedTo(1 << 20).read(file);
  }

  private static void own(Path file, int uid, int gid, int mode) throws IOException {
    Files.setAttribute(file, "unix:uid", uid);
    Files.setAttribute(file, "unix:gid", gid);
    Files.setAttribute(file, "unix:mode", mode);
  }

  /** uid, gid and mode (the permission and special bits) of a file. */
  private static List<Integer> ownership(Path file) throws IOException {
    Map<String, Object> unix = Files.readAttributes(file, "unix:uid,gid,mode");
    return List.of((Integer) unix.get("uid"), (Integer) unix.get("gid"), (Integer) unix.get("mode") & 07777);
  }

  @Test
  void rewritingAsRootKeepsTheOwnerAndGroup(@TempDir Path dir) throws IOException {
    assumeTrue(SpecialFiles.isRoot(), "runs as root");
    Path file = Files.writeString(dir.resolve("datasources.yaml"), "old\n");
    own(file, GRAFANA, GRAFANA, 0640);
    new AtomicWriter().replace(read(file), bytes("new\n"));
    assertThat(Files.readString(file)).isEqualTo("new\n");
    assertThat(ownership(file)).containsExactly(GRAFANA, GRAFANA, 0640);
  }

  @Test
  void theWholeModeIsKeptSetuidSetgidAndStickyIncluded(@TempDir Path dir) throws IOException {
    assumeTrue(SpecialFiles.isRoot(), "runs as root");
    Path file = Files.writeString(dir.resolve("datasources.yaml"), "old\n");
    own(file, GRAFANA, GRAFANA, 07640); // chown after chmod would clear setuid and setgid: the order matters
    new AtomicWriter().replace(read(file), bytes("new\n"));
    assertThat(ownership(file)).containsExactly(GRAFANA, GRAFANA, 07640);
  }

  @Test
  void userExtendedAttributesAreKept(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("datasources.yaml"), "old\n");
    UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
    try {
      view.write("origin", StandardCharsets.UTF_8.encode("helm"));
    } catch (IOException | UnsupportedOperationException e) {
      assumeTrue(false, "user extended attributes on this file system");
    }
    new AtomicWriter().replace(read(file), bytes("new\n"));
    UserDefinedFileAttributeView after = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
    assertThat(after.list()).containsExactly("origin");
    ByteBuffer value = ByteBuffer.allocate(after.size("origin"));
    after.read("origin", value);
    assertThat(StandardCharsets.UTF_8.decode(value.flip()).toString()).isEqualTo("helm");
  }

  @Test
  void aFileWithSeveralHardLinksIsRefusedNotSplit(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("datasources.yaml"), "old\n");
    Path other = Files.createLink(dir.resolve("copy.yaml"), file);
    assertThatThrownBy(() -> new AtomicWriter().replace(read(file), bytes("new\n")))
        .isInstanceOf(AtomicWriter.RefusedException.class)
        .hasMessageStartingWith(file + " has 2 hard links; replacing it would split them: ");
    assertThat(Files.readString(file)).isEqualTo("old\n");
    assertThat(Files.isSameFile(file, other)).isTrue();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactlyInAnyOrder(file, other);
    }
  }

  @Test
  void aFileWhoseOwnerCannotBeKeptIsRefusedNotGivenToAnother(@TempDir Path dir) throws Exception {
    assumeTrue(SpecialFiles.isRoot(), "runs as root, to make a file of another user");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv(1)");
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setAttribute(shared, "unix:mode", 0777); // the user may create files here, so a rename is possible
    Path file = Files.writeString(shared.resolve("datasources.yaml"), "old\n");
    own(file, GRAFANA, GRAFANA, 0666);

    // the same write, by a user who is not root and not the file's owner
    SpecialFiles.Child child = SpecialFiles.java(
        List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
        Map.of("PATH", "/usr/bin:/bin"), ReplaceProbe.class, shared.toString(), "new\n");
    assertThat(child.out()).contains(file + ": refused: " + file + " belongs to 472:472, and promshift, running as"
        + " 65534:65534, cannot give the new file that owner (operation not permitted); not rewritten (run as the"
        + " file's owner or as root)");
    assertThat(Files.readString(file)).isEqualTo("old\n");
    assertThat(ownership(file)).containsExactly(GRAFANA, GRAFANA, 0666);
    try (Stream<Path> files = Files.list(shared)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void anOutputFileGetsTheInputsOwnerGroupAndMode(@TempDir Path dir) throws IOException {
    assumeTrue(SpecialFiles.isRoot(), "runs as root");
    Path input = Files.writeString(dir.resolve("in.yaml"), "x\n");
    own(input, GRAFANA, GRAFANA, 0640);
    Path output = dir.resolve("out/sub/in.yaml");
    new AtomicWriter(false).write(output, bytes("y\n"), input);
    assertThat(Files.readString(output)).isEqualTo("y\n");
    assertThat(ownership(output)).containsExactly(GRAFANA, GRAFANA, 0640);
  }
}

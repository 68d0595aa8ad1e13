package io.promshift.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every message about a file says why in the words a person uses, never a Java class name. */
class IoProblemsTest {

  @Test
  void theJdksOwnExceptionTypesBecomeWords() {
    assertThat(IoProblems.describe(new NoSuchFileException("/x/a.yaml"))).isEqualTo("no such file");
    assertThat(IoProblems.describe(new AccessDeniedException("/x/a.yaml"))).isEqualTo("permission denied");
    assertThat(IoProblems.describe(new NotDirectoryException("/x/a.yaml"))).isEqualTo("not a directory");
    assertThat(IoProblems.describe(new FileSystemLoopException("/x"))).isEqualTo("too many levels of symbolic links");
  }

  @Test
  void theCLibrarysReasonsBecomeWords() {
    assertThat(IoProblems.describe(new FileSystemException("/x", null, "File name too long")))
        .isEqualTo("file name too long");
    assertThat(IoProblems.describe(new FileSystemException("/x", null, "Is a directory"))).isEqualTo("is a directory");
    assertThat(IoProblems.describe(new FileSystemException("/x", null, "No space left on device")))
        .isEqualTo("no space left on device");
    assertThat(IoProblems.describe(new FileSystemException("/x", null, "Read-only file system")))
        .isEqualTo("read-only file system");
    assertThat(IoProblems.describe(new FileSystemException("/x", null,
        "Too many levels of symbolic links or unable to access attributes of symbolic link")))
        .isEqualTo("too many levels of symbolic links");
    assertThat(IoProblems.describe(new IOException("Is a directory"))).isEqualTo("is a directory");
  }

  @Test
  void realFailuresNameNoJavaClass(@TempDir Path dir) throws IOException {
    Path loop = Files.createSymbolicLink(dir.resolve("loop"), Path.of("loop"));
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThat(describeFailure(() -> Files.readAllBytes(dir.resolve("missing")))).isEqualTo("no such file");
    assertThat(describeFailure(() -> Files.readAllBytes(loop))).isEqualTo("too many levels of symbolic links");
    assertThat(describeFailure(() -> Files.readAllBytes(file.resolve("below")))).isEqualTo("not a directory");
    assertThat(describeFailure(() -> Files.readAllBytes(dir.resolve("a".repeat(300)))))
        .isEqualTo("file name too long");
    assertThat(describeFailure(() -> Files.readAllBytes(dir))).isEqualTo("is a directory");
  }

  @Test
  void aNameThisLocaleCannotEncodeIsSaidSo() {
    assertThat(IoProblems.describe(new InvalidPathException("\uFFFD.yaml", "Malformed input or input contains"
        + " unmappable characters"))).startsWith("the file name cannot be encoded in this locale's character set");
  }

  private interface Failing {
    void run() throws IOException;
  }

  private static String describeFailure(Failing failing) {
    try {
      failing.run();
    } catch (IOException e) {
      return IoProblems.describe(e);
    }
    throw new AssertionError("did not fail");
  }
}

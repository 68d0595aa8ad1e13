package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file name may hold any byte but / and NUL: ESC, BEL, CR, LF, bidi overrides. Every command prints such names
 * escaped, so a name can neither drive the terminal nor forge a line of output.
 */
class FileNamesPrintedEscapedTest {
  private static final String AMP = "apiVersion: 1\ndatasources:\n  - name: A\n    type: prometheus\n"
      + "    url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1\n    jsonData:\n"
      + "      sigV4Auth: true\n      sigV4Region: eu-west-1\n";
  private static final String BROKEN = "apiVersion: 1\ndatasources:\n  - name: [\n";
  private static final List<String> RAW = List.of("\u001b", "\u0007", "\r", "\u202e");

  @Test
  void everyCommandEscapesControlCharactersInFileNames(@TempDir Path dir) {
    Trees.write(dir.resolve("evil\u001b[31m\u0007\u202e.yaml"), AMP);
    Trees.write(dir.resolve("bad\r\nerror: forged\u001b[2J.yaml"), BROKEN);

    for (String[] args : List.of(
        new String[] {"status", dir.toString()},
        new String[] {"validate", dir.toString()},
        new String[] {"migrate", dir.toString()},
        new String[] {"migrate", "--check", dir.toString()},
        new String[] {"migrate", "-v", "--out", dir.resolve("out").toString(), dir.toString()})) {
      Cli.Run run = Cli.run(args);
      String printed = run.out() + run.err();
      assertThat(printed).as(String.join(" ", args)).contains("\\u001b").doesNotContain(RAW.toArray(String[]::new));
      assertThat(printed.lines()).as(String.join(" ", args)).noneMatch(line -> line.startsWith("error: forged"));
    }
  }
}

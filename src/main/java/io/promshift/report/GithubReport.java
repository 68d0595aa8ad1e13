package io.promshift.report;

import io.promshift.model.Secrets;
import io.promshift.rules.Diagnostic;
import io.promshift.text.Printable;
import java.io.IOException;
import java.util.List;

/**
 * GitHub Actions workflow commands, one per finding, which the runner turns into annotations on the pull request's
 * files (as yamllint's {@code --format github} does):
 *
 * <pre>
 * ::error file=samples/invalid/empty-region.yaml,line=13,col=20,title=sigv4-region-missing::sigV4Auth is true but ...%0Afix: add sigV4Region: ...
 * </pre>
 *
 * <p>Errors are {@code error}, warnings {@code warning} and infos {@code notice}. The runner reads a command up to
 * the end of its line, so the message and the fix are escaped as GitHub requires ({@code %} as {@code %25},
 * CR as {@code %0D}, LF as {@code %0A}; in the properties also {@code :} as {@code %3A} and {@code ,} as
 * {@code %2C}): a file name or a quoted value can neither end the command nor start another. The fix goes on a
 * second line of the annotation. No summary line: a workflow command is all the runner reads.
 */
final class GithubReport implements FindingsReport {
  @Override
  public void write(List<Diagnostic> findings, int files, Appendable out) throws IOException {
    for (Diagnostic f : findings) {
      out.append(line(f)).append('\n');
    }
  }

  /** One finding as one workflow command. */
  static String line(Diagnostic f) {
    String level = switch (f.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
    String path = f.hasPath() ? f.path() + ": " : "";
    String message = Printable.message(path + Secrets.maskCredentials(f.message()));
    return "::" + level + " file=" + property(f.file()) + ",line=" + f.line() + ",col=" + f.column()
        + ",title=" + property(f.rule()) + "::" + data(message) + "%0A" + data("fix: " + Printable.message(f.fix()));
  }

  /** A command's message: {@code %}, CR and LF escaped, so it stays on the command's line. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property's value: as {@link #data}, and {@code :} and {@code ,}, which would end the value. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}

package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A report that could not be written (a full disk, a closed stream) is exit 2 and says so, never exit 0. */
class ReportNotWrittenTest {
  @Test
  void aReportThatCannotBeWrittenIsAFailureNotASuccess() {
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    for (String[] args : new String[][] {{"status", "samples/provisioning"},
        {"status", "--format", "json", "samples/provisioning"}, {"migrate", "samples/provisioning/datasources"}}) {
      StringWriter err = new StringWriter();
      int code = PromshiftCli.run(new PrintWriter(full), new PrintWriter(err), Terminal.NONE, args);
      assertThat(code).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString()).contains("the report could not be written to standard output");
    }
  }
}

package io.promshift.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code promshift} command: a thin adapter over the library. */
@Command(
    name = "promshift",
    mixinStandardHelpOptions = true,
    versionProvider = PromshiftCli.Version.class,
    description = "Reads, validates and migrates Grafana data source provisioning files.",
    subcommands = {StatusCommand.class, ValidateCommand.class, MigrateCommand.class, CommandLine.HelpCommand.class})
public final class PromshiftCli {

  /** Runs the command line and returns its exit code; never exits the JVM. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new PromshiftCli());
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = PromshiftCli.class.getPackage().getImplementationVersion();
      return new String[] {"promshift " + (version == null ? "(development build)" : version)};
    }
  }
}

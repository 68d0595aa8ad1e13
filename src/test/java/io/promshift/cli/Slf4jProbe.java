package io.promshift.cli;

/** Run by {@link CliProcessIT} on a given class path: asks SLF4J for a logger and logs a warning. */
public final class Slf4jProbe {
  private Slf4jProbe() {}

  public static void main(String[] args) {
    org.slf4j.LoggerFactory.getLogger(Slf4jProbe.class).warn("probe");
  }
}

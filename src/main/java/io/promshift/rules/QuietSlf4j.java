package io.promshift.rules;

import java.util.ServiceLoader;

/**
 * The schema library (networknt) logs through SLF4J. On a class path with slf4j-api and no provider, SLF4J 2 prints a
 * three-line "No SLF4J providers were found" notice to standard error the first time anything asks for a logger:
 * an embedder that validates a file would see it, though promshift logs nothing. So before the schema library is
 * first used, and only when no provider is present, SLF4J is initialised with its own notices turned down, then the
 * setting is put back: SLF4J initialises once, so nothing else about the embedder's logging changes, and with a
 * provider (the embedder's choice) nothing is done at all. The library ships no binding of its own.
 */
final class QuietSlf4j {
  private static final String VERBOSITY = "slf4j.internal.verbosity";
  private static boolean done;

  private QuietSlf4j() {}

  static synchronized void initialise() {
    if (done) {
      return;
    }
    done = true;
    ClassLoader loader = QuietSlf4j.class.getClassLoader();
    try {
      Class<?> provider = Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, loader);
      if (ServiceLoader.load(provider, loader).findFirst().isPresent() || System.getProperty(VERBOSITY) != null) {
        return; // a provider to log to, or a verbosity someone chose: SLF4J's notices are theirs
      }
      System.setProperty(VERBOSITY, "ERROR");
      try {
        org.slf4j.LoggerFactory.getILoggerFactory();
      } finally {
        System.clearProperty(VERBOSITY);
      }
    } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
      // SLF4J 1.x, or none: not this notice, nothing to quiet
    }
  }
}

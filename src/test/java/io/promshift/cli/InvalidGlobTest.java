package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A glob that cannot be used is the user's usage error (exit 2, naming it), never an internal error (70). */
class InvalidGlobTest {
  @ParameterizedTest
  @ValueSource(strings = {"[", "{a,b", "**/[z-a].yaml"})
  void anInvalidIncludeOrExcludeGlobIsAUsageErrorNamingIt(String glob) {
    for (String command : new String[] {"status", "validate", "migrate"}) {
      for (String option : new String[] {"--include", "--exclude"}) {
        Cli.Run run = Cli.run(command, option, glob, "samples/provisioning");
        assertThat(run.code()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("invalid glob \"" + glob + "\"").doesNotContain("internal error");
      }
    }
  }
}

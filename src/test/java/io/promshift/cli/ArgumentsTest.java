package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.MigrationTarget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line as users write it, read by our own parser from the commands' models. */
class ArgumentsTest {
  private static Arguments migrate(String... args) {
    return Arguments.parse(MigrateCommand.MODEL, args);
  }

  private static Arguments validate(String... args) {
    return Arguments.parse(ValidateCommand.MODEL, args);
  }

  @Test
  void aValueFollowsItsOptionOrItsEqualsSign() {
    assertThat(migrate("--to", "amazon", "a.yaml").<MigrationTarget>value("--to")).isEqualTo(MigrationTarget.AMAZON);
    assertThat(migrate("--to=Amazon", "a.yaml").<MigrationTarget>value("--to")).isEqualTo(MigrationTarget.AMAZON);
    assertThat(migrate("--out=", "a.yaml").<Path>value("--out")).isEqualTo(Path.of(""));
  }

  @Test
  void notGivenIsTheDefaultAndSaysSo() {
    Arguments args = migrate("a.yaml");

    assertThat(args.<MigrationTarget>value("--to")).isEqualTo(MigrationTarget.PLUGINS);
    assertThat(args.given("--to")).isFalse();
    assertThat(args.<Path>value("--patch")).isNull();
    assertThat(args.<Integer>value("--jobs")).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(args.values("--include")).isEmpty();
  }

  @Test
  void aRepeatableOptionKeepsEveryValueInOrder() {
    assertThat(validate("--include", "a/*", "--include=b/*", "x").<String>values("--include"))
        .containsExactly("a/*", "b/*");
  }

  @Test
  void shortOptionsStandAloneOrTogetherWithTheirValueAttached() {
    Arguments args = validate("-qv", "-j2", "x");
    assertThat(args.flag("--quiet")).isTrue();
    assertThat(args.flag("--verbose")).isTrue();
    assertThat(args.<Integer>value("--jobs")).isEqualTo(2);
    assertThat(validate("-j", "3", "x").<Integer>value("--jobs")).isEqualTo(3);
    assertThat(validate("-j=4", "x").<Integer>value("--jobs")).isEqualTo(4);
    assertThat(validate("-vj5", "x").<Integer>value("--jobs")).isEqualTo(5);
  }

  @Test
  void aFlagMayBeWrittenTrueOrFalse() {
    assertThat(migrate("--check=true", "a").flag("--check")).isTrue();
    assertThat(migrate("--check=FALSE", "a").flag("--check")).isFalse();
    assertThatThrownBy(() -> migrate("--check=yes", "a")).isInstanceOf(UsageException.class)
        .hasMessage("--check takes no value (--check=true and --check=false also read)");
  }

  @Test
  void doubleDashEndsTheOptionsAndDashIsStandardInput() {
    Arguments args = migrate("--check", "--", "--write", "-");
    assertThat(args.paths()).containsExactly(Path.of("--write"), Path.of("-"));
    assertThat(args.flag("--write")).isFalse();
    assertThat(migrate("-").paths()).containsExactly(Path.of("-"));
  }

  @Test
  void optionsAndPathsMayBeInterleaved() {
    Arguments args = migrate("a.yaml", "--check", "b.yaml");
    assertThat(args.paths()).containsExactly(Path.of("a.yaml"), Path.of("b.yaml"));
    assertThat(args.flag("--check")).isTrue();
  }

  @Test
  void anUnknownOptionIsToldTheNearestOnes() {
    assertThatThrownBy(() -> migrate("--chek", "a")).isInstanceOf(UsageException.class)
        .hasMessage("unknown option '--chek'")
        .satisfies(e -> assertThat(((UsageException) e).meant()).startsWith("--check"));
    assertThatThrownBy(() -> migrate("-x", "a")).hasMessage("unknown option '-x'");
    assertThatThrownBy(() -> migrate("-qx", "a")).hasMessage("unknown option '-x'");
  }

  @Test
  void aMissingValueNamesWhatItShouldBe() {
    assertThatThrownBy(() -> migrate("a", "--to")).hasMessage("--to needs a value (TARGET)");
    assertThatThrownBy(() -> migrate("--out", "--check", "a")).hasMessage("--out needs a value (DIR)");
    assertThatThrownBy(() -> validate("x", "-j")).hasMessage("-j needs a value (N)");
  }

  @Test
  void aMissingPathIsAUsageErrorUnlessTheHelpIsAskedFor() {
    assertThatThrownBy(() -> migrate("--check"))
        .hasMessage("missing PATH: give a file or a folder (or - for standard input)");
    assertThat(migrate("--help").help()).isTrue();
    assertThat(migrate("-h").help()).isTrue();
  }

  @Test
  void anInvalidValueNamesTheAcceptedOnes() {
    assertThatThrownBy(() -> migrate("--to", "xml", "a"))
        .hasMessage("--to: unknown value 'xml'; use plugins, amazon, azure, prometheus");
    assertThatThrownBy(() -> validate("--format", "xml", "a"))
        .hasMessage("--format: unknown value 'xml'; use text, json, sarif or github");
    assertThatThrownBy(() -> validate("-j", "two", "a")).hasMessage("--jobs: 'two' is not a whole number");
  }

  @Test
  void optionsOfOneExclusiveGroupExcludeEachOther() {
    assertThatThrownBy(() -> migrate("--check", "--out", "d", "a"))
        .hasMessage("--check and --out cannot be used together (give only one)");
    assertThatThrownBy(() -> migrate("--dry-run", "--check", "--write", "a"))
        .hasMessage("--dry-run and --check and --write cannot be used together (give only one)");
  }

  @Test
  void aSingleValueOptionIsGivenOnce() {
    assertThatThrownBy(() -> validate("--format", "json", "--format", "text", "a"))
        .hasMessage("--format is given twice; give it once");
  }

  @Test
  void theCommandsReadOnlyOptionsTheirModelDeclares() {
    assertThatThrownBy(() -> migrate("a").value("--no-such")).isInstanceOf(IllegalArgumentException.class);
    assertThat(List.of(migrate("a").paths())).hasSize(1);
  }
}

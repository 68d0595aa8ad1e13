package io.promshift.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one policy for everything promshift prints that came from a file or the file system. */
class PrintableTest {
  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x07, 0x08, 0x0a, 0x0d, 0x1b, 0x7f, 0x80, 0x85, 0x9b, 0x9f, 0x061c, 0x200e, 0x200f,
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029})
  void controlBidiAndSeparatorCharactersAreEscaped(int cp) {
    String name = "a" + Character.toString(cp) + "b";
    assertThat(Printable.escape(name)).isEqualTo("a" + String.format("\\u%04x", cp) + "b");
    assertThat(Printable.isUnsafe(cp)).isTrue();
  }

  @Test
  void everythingElseIsPrintedAsItIs() {
    String text = "AMP Fr\u00fchling \u30c7\u30fc\u30bf \ud83d\ude00 ~!@#$%^&*()_+{}|:\"<>?";
    assertThat(Printable.escape(text)).isSameAs(text);
    assertThat(Printable.message(text)).isSameAs(text);
  }

  @Test
  void aMessageReadsItsOwnLineBreaksAsSpacesAndEscapesTheRest() {
    assertThat(Printable.message("line one\nline two\tthen \u001b[31mred")).isEqualTo("line one line two then \\u001b[31mred");
  }

  @Test
  void quotingEscapesQuotesBackslashesAndControlsAndCutsLongText() {
    assertThat(Printable.quoted("a\"b\\c\u001bd", 80)).isEqualTo("\"a\\\"b\\\\c\\u001bd\"");
    assertThat(Printable.quoted("abcdef", 3)).isEqualTo("\"abc…\"");
    assertThat(Printable.shortened("abcdef\u202e", 3)).isEqualTo("abc…");
    assertThat(Printable.shortened("ab\u202e", 3)).isEqualTo("ab\\u202e");
  }
}

package io.promshift.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SourceTextTest {

  @Test
  void keepsTheBomAsAFlagAndGivesBackTheExactBytes() {
    byte[] bytes = bytes("\uFEFFa: 1\r\nb: 2");
    SourceText source = SourceText.decode("f.yaml", bytes);
    assertThat(source.hasBom()).isTrue();
    assertThat(source.text()).isEqualTo("a: 1\r\nb: 2");
    assertThat(source.bytes()).isEqualTo(bytes);
  }

  @Test
  void countsLfCrlfAndLoneCrAsLineBreaksLikeTheEngine() {
    SourceText source = SourceText.of("f", "a\nb\r\nc\rd");
    assertThat(source.lineCount()).isEqualTo(4);
    assertThat(source.lineEnding(0)).isEqualTo("\n");
    assertThat(source.lineEnding(1)).isEqualTo("\r\n");
    assertThat(source.lineEnding(2)).isEqualTo("\r");
    assertThat(source.lineEnding(3)).isEmpty();
    assertThat(source.position(source.text().indexOf('d'))).isEqualTo(new Position(7, 4, 1));
    assertThat(source.endsWithLineBreak()).isFalse();
  }

  @Test
  void dominantLineEndingFollowsTheMajority() {
    assertThat(SourceText.of("f", "a\r\nb\r\nc\n").dominantLineEnding()).isEqualTo("\r\n");
    assertThat(SourceText.of("f", "a\nb\r\nc\n").dominantLineEnding()).isEqualTo("\n");
    assertThat(SourceText.of("f", "no break").dominantLineEnding()).isEqualTo("\n");
  }

  @Test
  void mapsCodePointIndicesToCharOffsetsPastAstralCharacters() {
    // yaml-traps 1: the Engine counts code points; "😀" is two Java chars.
    SourceText source = SourceText.of("f", "# 😀\nk: v");
    int codePointOfK = "# 😀\n".codePointCount(0, 5);
    assertThat(source.charOffset(codePointOfK)).isEqualTo(source.text().indexOf('k'));
    assertThat(source.position(source.text().indexOf('v'))).isEqualTo(new Position(8, 2, 4));
  }

  @Test
  void columnsCountCodePoints() {
    SourceText source = SourceText.of("f", "😀😀x");
    assertThat(source.position(4).column()).isEqualTo(3);
  }

  @Test
  void codePointIndexIsTheInverseOfCharOffset() {
    SourceText source = SourceText.of("f", "a😀b\n😀😀\r\nc");
    String text = source.text();
    for (int cp = 0; cp <= text.codePointCount(0, text.length()); cp++) {
      assertThat(source.codePointIndex(source.charOffset(cp))).isEqualTo(cp);
    }
    // an offset between the two chars of a pair counts the pair, as String.codePointCount does
    assertThat(source.codePointIndex(2)).isEqualTo(2);
    assertThat(SourceText.of("f", "plain").codePointIndex(3)).isEqualTo(3);
  }

  @Test
  void positionsAgreeWithCountingTheLinesCodePoints() {
    // position() searches the code point map instead of counting each line's code points per call: the same
    // answers on texts with pairs, lone surrogates and every kind of line break, at every offset
    Random random = new Random(42);
    String[] pieces = {"a", "é", "→", "😀", "\n", "\r", "\r\n", "\uD800", "\uDC00", " "};
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      SourceText source = SourceText.of("f", text.toString());
      for (int offset = 0; offset <= text.length(); offset++) {
        int line = source.lineOf(offset);
        Position expected = new Position(offset, line + 1,
            text.codePointCount(source.lineStart(line), offset) + 1);
        assertThat(source.position(offset)).as("%s at %d", text, offset).isEqualTo(expected);
      }
    }
  }

  @Test
  void longestLineCountsItsLineBreak() {
    assertThat(SourceText.of("f", "ab\r\nabcd\nx").longestLine()).isEqualTo(5);
    assertThat(SourceText.of("f", "").longestLine()).isZero();
  }

  @Test
  void rejectsInvalidUtf8WithItsPosition() {
    byte[] bytes = {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xC3, (byte) 0x28};
    assertThatThrownBy(() -> SourceText.decode("bad.yaml", bytes))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("bad.yaml:2:4: the file is not valid UTF-8");
  }

  @Test
  void aRealReplacementCharacterIsValidUtf8() {
    SourceText source = SourceText.decode("f.yaml", bytes("a: \uFFFD\n"));
    assertThat(source.text()).isEqualTo("a: \uFFFD\n");
  }

  @Test
  void rejectsNulBytesWithTheirPosition() {
    assertThatThrownBy(() -> SourceText.decode("nul.yaml", bytes("a: 1\nb: x\0y")))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("nul.yaml:2:5: the file contains a NUL byte");
  }

  @Test
  void encodesEditedTextWithTheBomBack() {
    SourceText source = SourceText.decode("f", bytes("\uFEFFa: 1\n"));
    assertThat(new String(source.encode("a: 2\n"), StandardCharsets.UTF_8)).isEqualTo("\uFEFFa: 2\n");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

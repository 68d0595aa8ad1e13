package io.promshift.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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

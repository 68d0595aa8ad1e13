package io.promshift.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.text.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditSetTest {

  @Test
  void anEmptySetReturnsTheOriginalString() {
    String original = new String("a: 1\r\n");
    assertThat(EditSet.empty().apply(original)).isSameAs(original);
    assertThat(EditSet.of(List.of()).apply(original)).isSameAs(original);
    assertThat(EditSet.empty().isEmpty()).isTrue();
  }

  @Test
  void appliesEditsInOnePassWhateverTheGivenOrder() {
    EditSet set = EditSet.of(Edit.replace(new Span(6, 7), "X"), Edit.insert(0, ">"), Edit.delete(new Span(2, 3)));
    assertThat(set.apply("abcdefgh")).isEqualTo(">abdefXh");
    assertThat(set.edits()).extracting(Edit::start).containsExactly(0, 2, 6);
    assertThat(set.size()).isEqualTo(3);
  }

  @Test
  void keepsTheGivenOrderOfInsertionsAtOneOffset() {
    assertThat(EditSet.of(Edit.insert(1, "1"), Edit.insert(1, "2"), Edit.insert(1, "3")).apply("ab")).isEqualTo("a123b");
    assertThat(EditSet.of(Edit.insert(1, "3"), Edit.insert(1, "2")).apply("ab")).isEqualTo("a32b");
  }

  @Test
  void allowsInsertionsTouchingAReplacedRange() {
    EditSet set = EditSet.of(Edit.replace(new Span(1, 3), "R"), Edit.insert(3, "after"), Edit.insert(1, "before"));
    assertThat(set.apply("abcd")).isEqualTo("abeforeRafterd");
    assertThat(EditSet.of(Edit.delete(0, 2), Edit.delete(2, 4)).apply("abcdef")).isEqualTo("ef");
  }

  @Test
  void rejectsOverlappingEdits() {
    assertThatThrownBy(() -> EditSet.of(Edit.delete(0, 3), Edit.delete(2, 5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlapping");
    assertThatThrownBy(() -> EditSet.of(Edit.delete(0, 5), Edit.insert(2, "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EditSet.of(Edit.delete(1, 3), Edit.delete(1, 3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EditSet.of(Edit.delete(0, 10), Edit.insert(4, ""), Edit.delete(6, 7)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsEditsPastTheEnd() {
    assertThatThrownBy(() -> EditSet.of(Edit.insert(5, "x")).apply("abc"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(EditSet.of(Edit.insert(3, "x")).apply("abc")).isEqualTo("abcx");
  }

  @Test
  void validatesEdits() {
    assertThatThrownBy(() -> new Edit(3, 2, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Edit(-1, 2, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Edit(0, 0, null)).isInstanceOf(NullPointerException.class);
    assertThat(Edit.insert(4, "ab").isInsertion()).isTrue();
    assertThat(Edit.replace(new Span(1, 4), "x").delta()).isEqualTo(-2);
  }

  @Test
  void combinesSets() {
    EditSet a = EditSet.of(Edit.insert(1, "a"));
    EditSet b = EditSet.of(Edit.insert(1, "b"), Edit.delete(2, 3));
    assertThat(a.plus(b).apply("xyz")).isEqualTo("xaby");
    assertThat(a.plus(EditSet.empty())).isSameAs(a);
    assertThatThrownBy(() -> b.plus(List.of(Edit.delete(1, 3)))).isInstanceOf(IllegalArgumentException.class);
    assertThat(a).isEqualTo(EditSet.of(Edit.insert(1, "a")));
  }
}

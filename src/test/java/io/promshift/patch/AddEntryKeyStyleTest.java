package io.promshift.patch;

import static io.promshift.patch.PatchHarness.assertAdd;

import org.junit.jupiter.api.Test;

/** A new key is quoted the way the mapping quotes the key it follows (a house style is kept, not normalised). */
class AddEntryKeyStyleTest {

  @Test
  void followsSingleQuotedKeys() {
    assertAdd("jsonData:\n  'sigV4Auth': true\n  'sigV4Region': eu-west-1\n", "jsonData",
        "prometheus-type-migration", "true",
        "jsonData:\n  'sigV4Auth': true\n  'sigV4Region': eu-west-1\n  'prometheus-type-migration': true\n");
  }

  @Test
  void followsTheLastKeyOfAMixedMapping() {
    assertAdd("jsonData:\n  'a': 1\n  \"b\": 2\n", "jsonData", "k", "true",
        "jsonData:\n  'a': 1\n  \"b\": 2\n  \"k\": true\n");
    assertAdd("jsonData:\n  \"a\": 1\n  b: 2\n", "jsonData", "k", "true", "jsonData:\n  \"a\": 1\n  b: 2\n  k: true\n");
  }

  @Test
  void plainKeysStayPlain() {
    assertAdd("jsonData:\n  sigV4Auth: true\n", "jsonData", "prometheus-type-migration", "true",
        "jsonData:\n  sigV4Auth: true\n  prometheus-type-migration: true\n");
  }
}

package io.promshift.patch;

import static io.promshift.patch.PatchHarness.assertAdd;

import org.junit.jupiter.api.Test;

/** A new key is quoted the way the mapping quotes its keys (a house style is kept, not normalised). */
class AddEntryKeyStyleTest {

  @Test
  void followsSingleQuotedKeys() {
    assertAdd("jsonData:\n  'sigV4Auth': true\n  'sigV4Region': eu-west-1\n", "jsonData",
        "prometheus-type-migration", "true",
        "jsonData:\n  'sigV4Auth': true\n  'sigV4Region': eu-west-1\n  'prometheus-type-migration': true\n");
  }

  @Test
  void followsTheLastKeyWhenEveryKeyIsQuoted() {
    assertAdd("jsonData:\n  'a': 1\n  \"b\": 2\n", "jsonData", "k", "true",
        "jsonData:\n  'a': 1\n  \"b\": 2\n  \"k\": true\n");
    // a mapping with any plain key gets a plain one: quoting is the exception there
    assertAdd("jsonData:\n  \"a\": 1\n  b: 2\n", "jsonData", "k", "true", "jsonData:\n  \"a\": 1\n  b: 2\n  k: true\n");
    assertAdd("jsonData:\n  b: 2\n  \"a\": 1\n", "jsonData", "k", "true", "jsonData:\n  b: 2\n  \"a\": 1\n  k: true\n");
  }

  @Test
  void plainKeysStayPlain() {
    assertAdd("jsonData:\n  sigV4Auth: true\n", "jsonData", "prometheus-type-migration", "true",
        "jsonData:\n  sigV4Auth: true\n  prometheus-type-migration: true\n");
  }
}

package io.promshift.rules;

import io.promshift.Promshift;
import io.promshift.model.ProvisioningFile;
import io.promshift.text.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test harness: validates text-block YAML and shows findings as {@code line:col severity rule}. */
final class Validation {
  static final Promshift PROMSHIFT = Promshift.create();
  private static final Validator PLAIN = Validator.create();
  private static final Map<ValidationOptions, Validator> WITH_OPTIONS = new ConcurrentHashMap<>();

  private Validation() {}

  static Validator validator(ValidationOptions options) {
    return options == ValidationOptions.DEFAULTS ? PLAIN : WITH_OPTIONS.computeIfAbsent(options, Validator::create);
  }

  /** The findings of one file named t.yaml (a refusal when it cannot be read). */
  static List<Diagnostic> findings(String yaml) {
    return findings(ValidationOptions.DEFAULTS, yaml);
  }

  static List<Diagnostic> findings(ValidationOptions options, String yaml) {
    try {
      return validator(options).validate(PROMSHIFT.read("t.yaml", yaml));
    } catch (SourceException e) {
      return List.of(Validator.of(e));
    }
  }

  /** Files validated together, named a.yaml, b.yaml, ... in order. */
  static List<Diagnostic> together(String... yamls) {
    List<ProvisioningFile> files = new ArrayList<>();
    for (int i = 0; i < yamls.length; i++) {
      files.add(PROMSHIFT.read((char) ('a' + i) + ".yaml", yamls[i]));
    }
    return PLAIN.validateAll(files);
  }

  /** {@code line:col severity rule} for each finding. */
  static List<String> all(List<Diagnostic> findings) {
    return findings.stream().map(f -> f.position() + " " + f.severity().label() + " " + f.rule()).toList();
  }

  /** {@code line:col severity} of the findings of one rule. */
  static List<String> at(String rule, List<Diagnostic> findings) {
    return findings.stream().filter(f -> f.rule().equals(rule))
        .map(f -> f.position() + " " + f.severity().label()).toList();
  }

  static List<String> at(String rule, String yaml) {
    return at(rule, findings(yaml));
  }

  static Diagnostic only(String rule, String yaml) {
    List<Diagnostic> matching = findings(yaml).stream().filter(f -> f.rule().equals(rule)).toList();
    if (matching.size() != 1) {
      throw new AssertionError("expected one " + rule + " finding, got " + findings(yaml));
    }
    return matching.get(0);
  }
}

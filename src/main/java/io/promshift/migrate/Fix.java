package io.promshift.migrate;

import io.promshift.rules.Code;
import io.promshift.text.Position;
import java.util.Objects;

/**
 * One finding {@code promshift fix} resolved.
 *
 * @param rule the finding's rule
 * @param position where the finding was (before the fix)
 * @param pointer the finding's JSON pointer into the provisioning document
 * @param path for a finding inside an embedded unit, the value's YAML path in the outer file; {@code ""} otherwise
 * @param change what changed, as written: {@code sigV4Auth: yes → true}, {@code assumeRoleArn → sigV4AssumeRoleArn}
 *     (values a fix changes are never secrets)
 */
public record Fix(Code rule, Position position, String pointer, String path, String change) {
  public Fix {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(change, "change");
  }
}

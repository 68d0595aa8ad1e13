package io.promshift.rules;

import io.promshift.text.Position;
import java.util.List;

/** Where the rules of one file put their findings. */
final class Emitter {
  private final String file;
  private final List<Finding> out;

  Emitter(String file, List<Finding> out) {
    this.file = file;
    this.out = out;
  }

  void report(RuleCatalog.Rule rule, String pointer, Position at, String message, String fix) {
    out.add(new Finding(file, at, rule.severity(), rule.id(), pointer, message, fix));
  }
}

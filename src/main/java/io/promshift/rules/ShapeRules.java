package io.promshift.rules;

import io.promshift.embed.Misplaced;
import io.promshift.embed.SourceFile;
import io.promshift.embed.Unit;
import io.promshift.syntax.DuplicateKey;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlNode;
import io.promshift.text.Position;
import io.promshift.text.Printable;
import io.promshift.text.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a data source's shape adds to the plain-file rules (embedded-shapes S1–S7): what the chart, the operator
 * or Kubernetes does to the definition on its way to Grafana. Findings concern the outer file: the unit's own values
 * (through the view's pointers) or the file around it.
 */
final class ShapeRules extends RuleSet {
  private final SourceFile source;
  private final Unit unit;

  ShapeRules(SourceFile source, Unit unit, JsonView view, Emitter out) {
    super(view, out);
    this.source = source;
    this.unit = unit;
  }

  void apply() {
    // the shape-specific rules of the unit (see the methods below)
  }

  /**
   * Findings about the file around the units: keys the YAML 1.1 readers keep only the last of, and keys that look
   * like data source definitions where the chart does not read them.
   */
  static List<Diagnostic> outer(SourceFile source) {
    List<Diagnostic> findings = new ArrayList<>();
    SourceText text = source.source();
    for (YamlDocument document : source.stream().documents()) {
      for (DuplicateKey duplicate : document.duplicateKeys()) {
        Position first = text.position(duplicate.first().span().start());
        Position second = text.position(duplicate.second().span().start());
        findings.add(new Diagnostic(source.fileName(), second, Code.OUTER_DUPLICATE_KEY.severity(),
            Code.OUTER_DUPLICATE_KEY, "", "the key " + keyText(duplicate.second()) + " is also defined at line "
                + first.line() + ", column " + first.column() + ": Helm and kubectl (YAML 1.1, go-yaml v2) keep this"
                + " later value and drop the first without a word",
            "remove one of the two keys"));
      }
    }
    for (Misplaced misplaced : source.misplaced()) {
      findings.add(new Diagnostic(source.fileName(), text.position(misplaced.key().span().start()),
          Code.CHART_IGNORED_KEY.severity(), Code.CHART_IGNORED_KEY, "", misplaced.why(),
          "move the list to grafana.additionalDataSources", misplaced.path().toString()));
    }
    return findings;
  }

  private static String keyText(YamlNode key) {
    return key instanceof ScalarNode scalar ? "\"" + Printable.shortened(scalar.value(), 80) + "\"" : "(a complex key)";
  }
}

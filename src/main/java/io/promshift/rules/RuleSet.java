package io.promshift.rules;

import io.promshift.grafana.GoValue;
import io.promshift.model.ProvisioningFile;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What the rule sets of one file share: the file, its JSON view, where findings go, and common wording. */
abstract class RuleSet {
  private static final Pattern BASE10 = Pattern.compile("[+-]?[0-9]+");

  final ProvisioningFile file;
  final JsonView view;
  final Emitter out;

  RuleSet(JsonView view, Emitter out) {
    this.file = view.file();
    this.view = view;
    this.out = out;
  }

  static boolean isBase10(String text) {
    if (!BASE10.matcher(text).matches()) {
      return false;
    }
    try {
      Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  void unchecked(String pointer, JsonView.Loc loc, String requirement) {
    if (loc.template() && view.templating().expandsDollar()) {
      // compose or the shell expands it while the file is written, before Grafana's own placeholders
      out.report(Code.PLACEHOLDER_UNCHECKED, pointer, view.position(pointer),
          SchemaMessages.subject(pointer) + " holds " + SchemaMessages.written(view, pointer) + ", expanded by "
              + view.templating().renderer() + " before Grafana reads the file: " + requirement,
          view.templating() == JsonView.Templating.COMPOSE ? "check the value docker compose config shows"
              : "check the file the script writes (docker compose config shows the script after compose)");
      return;
    }
    if (loc.template()) {
      // the layer before Grafana decides it, not Grafana's start: say which one
      out.report(Code.PLACEHOLDER_UNCHECKED, pointer, view.position(pointer),
          SchemaMessages.subject(pointer) + " is the template " + SchemaMessages.written(view, pointer)
              + ", rendered by " + view.templating().renderer() + " before Grafana reads it: " + requirement,
          "check the rendered value (helm template, or the rendered Ansible file)");
      return;
    }
    out.report(Code.PLACEHOLDER_UNCHECKED, pointer, view.position(pointer),
        SchemaMessages.subject(pointer) + " is the placeholder " + SchemaMessages.written(view, pointer)
            + ", decided when Grafana starts: " + requirement,
        "validate with the environment Grafana runs with (" + out.options().envFileOption() + ") to check the value");
  }

  void literalKey(String pointer, String what) {
    String how = file.isLegacy()
        ? "this version-0 file is not interpolated: add apiVersion: 1 and use $__env{NAME} or $__file{/path}"
        : "use $__env{NAME} or $__file{/path} instead";
    out.report(Code.LITERAL_AWS_KEY, pointer, view.position(pointer),
        SchemaMessages.subject(pointer) + " holds " + what + " in plain text: it works, but every copy of this"
            + " file carries the credential", how);
  }

  /** {@code key: text} for the start of a sentence about a text value, as {@link SchemaMessages#showing} allows. */
  String describeText(String pointer, String key) {
    return switch (SchemaMessages.showing(view, pointer)) {
      case EXPANDED -> key + " " + SchemaMessages.written(view, pointer) + " expands to text that";
      case SECRET -> key + " " + SchemaMessages.written(view, pointer);
      case AS_IS -> key + ": "
          + SchemaMessages.showable(view, pointer).filter(t -> !t.isEmpty()).orElse("\"\" (empty)");
    };
  }

  static String truth(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    boolean yes = lower.equals("y") || lower.equals("yes") || lower.equals("on") || lower.equals("true");
    return yes || !(lower.equals("n") || lower.equals("no") || lower.equals("off")) ? "true" : "false";
  }

  void yaml11Word(String pointer, String why) {
    if (pointer == null) {
      return;
    }
    view.loc(pointer).ifPresent(loc -> {
      if (loc.go() instanceof GoValue.GoString string && string.yaml11BoolWord()) {
        out.report(Code.YAML11_BOOL, pointer, view.position(pointer),
            SchemaMessages.subject(pointer) + ": " + SchemaMessages.bare(view, pointer) + " is a YAML 1.1 word; " + why
                + " as " + truth(string.value()) + ", but in jsonData the same word is a string",
            "write " + JsonView.lastKey(pointer) + ": " + truth(string.value()), Repairs.booleanValue(view, pointer));
      }
    });
  }
}

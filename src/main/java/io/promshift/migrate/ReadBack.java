package io.promshift.migrate;

import io.promshift.embed.SourceFile;
import io.promshift.embed.SourceReader;
import io.promshift.embed.Unit;
import io.promshift.grafana.GoMap;
import io.promshift.model.ProvisioningFile;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The safety net under every rewrite, a migration's or a fix's: the new text is read back as its readers read it, and
 * must hold exactly the data the rewrite intends — the old data with exactly its changes — and nothing else.
 */
final class ReadBack {
  private ReadBack() {}

  /**
   * The check of a plain provisioning file: null when {@code newText} reads as {@code expected} (a {@link
   * #grafanaView}), else the refusal, which says {@code unsafe}.
   */
  static Diagnostic plain(SourceReader dataReader, ProvisioningFile before, String newText, Object expected,
      String unsafe) {
    ProvisioningFile after;
    try {
      after = dataReader.provisioningReader().read(SourceText.of(before.fileName(), newText));
    } catch (SourceException e) {
      return notReadBack(before.fileName(), e);
    }
    if (!Objects.equals(expected, grafanaView(after))) {
      return Diagnostic.of(before.fileName(), before.document().source().position(0), Code.MIGRATION_REFUSED, unsafe);
    }
    return null;
  }

  /**
   * The check of a file with units: it must read back with the same units at the same places, every unit must hold
   * exactly {@code expected} of it, and everything outside the units must read as before, document by document.
   */
  static Diagnostic units(SourceReader dataReader, SourceFile before, String newText, Function<Unit, Object> expected,
      String unsafe) {
    SourceFile after;
    try {
      after = dataReader.read(SourceText.of(before.fileName(), newText));
    } catch (SourceException e) {
      return notReadBack(before.fileName(), e);
    }
    boolean same = !after.isPlain() && after.units().size() == before.units().size()
        && after.stream().documents().size() == before.stream().documents().size();
    for (int i = 0; same && i < before.units().size(); i++) {
      Unit was = before.units().get(i);
      Unit is = after.units().get(i);
      same = was.shape() == is.shape() && was.document() == is.document() && was.path().equals(is.path());
    }
    for (int d = 0; same && d < before.stream().documents().size(); d++) {
      Object wanted = UnitData.of(before.stream().documents().get(d), before.units(), d, expected);
      Object actual = UnitData.of(after.stream().documents().get(d), after.units(), d, unit -> grafanaView(unit.file()));
      same = Objects.equals(wanted, actual);
    }
    if (!same) {
      return Diagnostic.of(before.fileName(), before.source().position(0), Code.MIGRATION_REFUSED, unsafe);
    }
    return null;
  }

  /** The refusal of an edit whose result does not read: a defect of promshift's, never the file's. */
  static Diagnostic notReadBack(String file, SourceException e) {
    return Diagnostic.of(file, e.position(), Code.MIGRATION_REFUSED, "promshift's edit would not read back ("
        + e.problem() + "); the file is left untouched — please report this");
  }

  /** What Grafana reads of a file: its known top-level keys (other keys only hold anchors). */
  static Map<String, Object> grafanaView(ProvisioningFile file) {
    Map<String, Object> view = new LinkedHashMap<>();
    if (file.root() instanceof GoMap top) {
      for (String key : GRAFANA_KEYS) {
        top.get(key).ifPresent(value -> view.put(key, value.toPlain()));
      }
    }
    return view;
  }

  /** The top-level keys Grafana reads of a provisioning file. */
  static final List<String> GRAFANA_KEYS =
      List.of("apiVersion", "datasources", "deleteDatasources", "delete_datasources", "prune");
}

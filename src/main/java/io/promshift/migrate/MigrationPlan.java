package io.promshift.migrate;

import io.promshift.patch.EditSet;
import io.promshift.rules.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * What a migration of one file will do: the edits, the changes per data source and the notices.
 *
 * @param intents by data source index: the type it moves to and what happens to its marker
 */
record MigrationPlan(EditSet edits, List<Change> changes, List<Diagnostic> notices, Map<Integer, Intent> intents) {

  /** One data source's move. */
  record Intent(String toType, Change.MarkerAction marker) {}
}

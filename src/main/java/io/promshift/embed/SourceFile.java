package io.promshift.embed;

import io.promshift.model.ProvisioningFile;
import io.promshift.syntax.YamlStream;
import io.promshift.text.SourceText;
import java.util.List;

/**
 * One file as promshift reads it: a plain provisioning file (what Grafana reads from its folder), or a file whose
 * documents hold embedded units, or neither.
 *
 * @param source the file's text
 * @param plain the plain provisioning file, or null when the file is not one
 * @param stream every document of the file, as read for the embedded units (null for a plain file)
 * @param units the units, in file order: one {@link Shape#PROVISIONING_FILE} unit for a plain file
 * @param misplaced keys that look like data source definitions but are ignored where they are
 * @param problems places meant to hold data sources that cannot be read (a provisioning file in a string that is a
 *     template): each refused alone
 */
public record SourceFile(SourceText source, ProvisioningFile plain, YamlStream stream, List<Unit> units,
    List<Misplaced> misplaced, List<UnitProblem> problems) {

  public SourceFile {
    units = List.copyOf(units);
    misplaced = List.copyOf(misplaced);
    problems = List.copyOf(problems);
  }

  /** A plain provisioning file (or a YAML file that provisions nothing, when {@code file} says so). */
  public static SourceFile plain(ProvisioningFile file) {
    List<Unit> units = file.isDataSourceProvisioning() ? List.of(Unit.plainFile(file)) : List.of();
    return new SourceFile(file.document().source(), file, null, units, List.of(), List.of());
  }

  public boolean isPlain() {
    return plain != null;
  }

  /** Whether the file defines data sources at all (a plain provisioning file, a unit, or one that cannot be read). */
  public boolean hasDataSources() {
    return !units.isEmpty() || !problems.isEmpty();
  }

  public String fileName() {
    return source.name();
  }
}

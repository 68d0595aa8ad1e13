package io.promshift.rules;

import io.promshift.embed.SourceFile;
import io.promshift.embed.Unit;
import io.promshift.model.ProvisioningFile;
import io.promshift.text.SourceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates provisioning files as Grafana reads them: the JSON Schema on the document, then the rules a schema
 * cannot express, then (for files validated together) the rules Grafana applies across files. Every finding
 * points at a line and column and says what Grafana will do; no finding shows a secret.
 *
 * <p>Immutable and thread-safe: the schema is loaded and compiled once, when the validator is built, and
 * shared by every call from any thread.
 *
 * <pre>{@code
 * Validator validator = Validator.create();
 * List<Diagnostic> findings = validator.validateAll(List.of(file1, file2));
 * }</pre>
 */
public final class Validator {
  /** Rules whose finding explains a value better than the schema's generic error at the same pointer. */
  private static final Set<String> SUPERSEDE_SCHEMA = Set.of(
      Code.API_VERSION_QUOTED.id(), Code.NAME_MISSING.id(), Code.NAME_TOO_LONG.id(),
      Code.URL_TOO_LONG.id(), Code.SIGV4_AUTH_NOT_BOOLEAN.id(), Code.AMP_UNSIGNED.id(),
      Code.SIGV4_REGION_MISSING.id(), Code.BOOL_NOT_PARSEBOOL.id(), Code.INT_NOT_BASE10.id(),
      Code.TEMPLATE_BOOLEAN.id(), Code.API_GRAFANA_PLACEHOLDER.id());
  /** Rules that say less than any other finding at the same pointer, and give way to it. */
  private static final Set<String> GIVE_WAY = Set.of(
      Code.YAML11_BOOL.id(), Code.JSON_DATA_BOOLEAN_TEXT.id(), Code.PLACEHOLDER_NOT_EXPANDED.id());
  /**
   * A shape's rule that names the real cause of what these rules see at the same pointer: a Helm template that renders
   * to a string, a placeholder nobody expands on the API path, the chart writing the type. The others would only
   * say it again less exactly (or, as "decided when Grafana starts", wrongly).
   */
  private static final Map<String, Set<String>> OUTRANKS = Map.of(
      Code.TEMPLATE_BOOLEAN.id(), Set.of(Code.SIGV4_AUTH_NOT_BOOLEAN.id(), Code.PLACEHOLDER_UNCHECKED.id(),
          Code.BOOL_NOT_PARSEBOOL.id()),
      Code.API_GRAFANA_PLACEHOLDER.id(), Set.of(Code.PLACEHOLDER_UNCHECKED.id()),
      Code.API_VARIABLE.id(), Set.of(Code.PLACEHOLDER_UNCHECKED.id()),
      Code.EXPANDED_BEFORE_GRAFANA.id(), Set.of(Code.PLACEHOLDER_UNCHECKED.id()),
      Code.FIXED_TYPE.id(), Set.of(Code.MIGRATION_PENDING.id()));
  /**
   * What may still be said about a field Kubernetes drops (everything else about it, or inside it, is moot: it never
   * reaches Grafana): a credential written in the file is in every copy of it all the same.
   */
  private static final Set<String> SAID_OF_PRUNED = Set.of(Code.PRUNED_FIELD.id(), Code.LITERAL_AWS_KEY.id());

  private final ValidationOptions options;
  private final SchemaCheck schema;
  private final Interpolator interpolator;

  private Validator(ValidationOptions options) {
    this.options = options;
    this.schema = new SchemaCheck();
    this.interpolator = Interpolator.of(options);
  }

  /** A validator that accepts placeholders without expanding them. */
  public static Validator create() {
    return new Validator(ValidationOptions.DEFAULTS);
  }

  public static Validator create(ValidationOptions options) {
    return new Validator(options);
  }

  public ValidationOptions options() {
    return options;
  }

  /** One file's findings (the cross-file rules applied within the file), ordered by position. */
  public List<Diagnostic> validate(ProvisioningFile file) {
    return validateAll(List.of(file));
  }

  /**
   * The findings of files from any number of provisioning directories: Grafana reads one directory (no
   * subfolders) as one set, so the cross-file rules apply among the files of each directory, never across
   * directories. Files keep the order given within their directory.
   */
  public List<Diagnostic> validateByDirectory(List<ProvisioningFile> files) {
    List<Diagnostic> findings = new ArrayList<>();
    for (List<ProvisioningFile> directory : byDirectory(files)) {
      findings.addAll(validateAll(directory));
    }
    return findings;
  }

  /**
   * The files grouped by the directory they are in (groups in the order of their first file, files in the
   * order given): each group is one set for {@link #validateAll}, independent of the others, so a caller may
   * validate the groups in parallel.
   */
  public static List<List<ProvisioningFile>> byDirectory(List<ProvisioningFile> files) {
    return byDirectory(files, file -> Path.of(file.fileName()));
  }

  /**
   * The same, with each file's path given by {@code path} (a caller that has the paths it read keeps them: a
   * name decoded under a C locale cannot be turned back into the path it came from).
   */
  public static <T> List<List<T>> byDirectory(List<T> files, java.util.function.Function<T, Path> path) {
    Map<Path, List<T>> groups = new LinkedHashMap<>();
    for (T file : files) {
      Path parent = path.apply(file).toAbsolutePath().normalize().getParent();
      groups.computeIfAbsent(parent, directory -> new ArrayList<>()).add(file);
    }
    return new ArrayList<>(groups.values());
  }

  /**
   * The findings of files validated together, in the order given (give them in the order Grafana reads them:
   * lexical by file name), each file's ordered by position. Adds the cross-file rules: one default per
   * organization, a uid used once per organization, each (orgId, name) once. Files that are not data source
   * provisioning files have no findings.
   */
  public List<Diagnostic> validateAll(List<ProvisioningFile> files) {
    List<List<Diagnostic>> byFile = new ArrayList<>();
    CrossFileRules cross = new CrossFileRules();
    for (ProvisioningFile file : files) {
      List<Diagnostic> findings = new ArrayList<>();
      byFile.add(findings);
      if (!file.isDataSourceProvisioning()) {
        continue;
      }
      JsonView view;
      try {
        view = JsonView.of(file, interpolator);
      } catch (SourceException e) {
        findings.add(of(e));
        continue;
      }
      Emitter out = new Emitter(file.fileName(), findings, options);
      documentRules(view, out, findings);
      cross.add(view, out);
    }
    List<Diagnostic> all = new ArrayList<>();
    for (List<Diagnostic> findings : byFile) {
      List<Diagnostic> kept = resolveOverlaps(findings);
      kept.sort(Diagnostic.BY_POSITION);
      all.addAll(kept);
    }
    return List.copyOf(all);
  }

  /**
   * The findings of one file as a {@link io.promshift.embed.SourceReader} read it. A plain provisioning file is
   * validated as {@link #validate(ProvisioningFile)} does. A file with embedded units is validated unit by unit, each
   * as the provisioning document Grafana receives from it (read by its layer's reader; placeholders expanded only
   * where Grafana's provisioning expands them) with the rules of its shape, and all units of the file as one set
   * (they reach one Grafana); every finding is at its outer position with the value's YAML path.
   */
  public List<Diagnostic> validate(SourceFile source) {
    if (source.isPlain()) {
      return validate(source.plain());
    }
    List<Diagnostic> all = new ArrayList<>();
    validateUnits(source).forEach(all::addAll);
    all.addAll(ShapeRules.outer(source));
    for (io.promshift.embed.UnitProblem problem : source.problems()) {
      all.add(of(problem.error()).withPath(problem.path().toString()));
    }
    all.sort(Diagnostic.BY_POSITION);
    return List.copyOf(all);
  }

  /**
   * The findings of each unit of a file with embedded units, in the order of {@link SourceFile#units()}: each at its
   * outer position with the value's YAML path, its pointer into the unit's document (what a {@link Repair} of it
   * points into). A unit that cannot be read has the one finding that says why.
   */
  public List<List<Diagnostic>> validateUnits(SourceFile source) {
    List<List<Diagnostic>> byUnit = new ArrayList<>();
    CrossFileRules cross = new CrossFileRules();
    for (Unit unit : source.units()) {
      List<Diagnostic> placed = new ArrayList<>();
      byUnit.add(placed);
      List<Diagnostic> findings = new ArrayList<>();
      JsonView view;
      try {
        view = JsonView.of(unit.file(), unit.shape().interpolated() ? interpolator : null,
            ShapeRules.templating(unit));
      } catch (SourceException e) {
        placed.add(of(e).withPosition(unit.outer(e.position())).withPath(unit.where()));
        continue;
      }
      Emitter out = new Emitter(source.fileName(), findings, options);
      documentRules(view, out, findings);
      if (!unit.shape().fixedType()) {
        cross.add(view, out, unit::outer); // the chart's own default is judged by the chart's rules (two defaults)
      }
      new ShapeRules(source, unit, view, out).apply();
      for (Diagnostic finding : resolveOverlaps(findings)) {
        Diagnostic at = finding.withPosition(unit.outer(finding.position()));
        placed.add(at.hasPath() ? at : at.withPath(unit.describe(finding.pointer())));
      }
    }
    return byUnit;
  }

  /** The schema and the rules of one provisioning document (a file, or a unit of one), into {@code findings}. */
  private void documentRules(JsonView view, Emitter out, List<Diagnostic> findings) {
    for (Diagnostic finding : schema.check(view)) {
      // the schema judges a template's literal text, which Helm or Jinja replaces before Grafana reads it (a plain
      // file has no such text)
      if (!view.loc(finding.pointer()).filter(loc -> loc.template() && loc.unresolved()).isPresent()) {
        findings.add(finding);
      }
    }
    new FileRules(view, out, options.grafana()).apply();
  }

  /** Where a rule explains a value, the schema's generic error there goes; lesser findings give way to others. */
  private static List<Diagnostic> resolveOverlaps(List<Diagnostic> findings) {
    Set<String> explained = new HashSet<>();
    Set<String> said = new HashSet<>();
    Set<String> outranked = new HashSet<>();
    List<String> pruned = new ArrayList<>();
    for (Diagnostic f : findings) {
      if (SUPERSEDE_SCHEMA.contains(f.rule())) {
        explained.add(f.file() + "\u0000" + f.pointer());
      }
      if (!GIVE_WAY.contains(f.rule())) {
        said.add(f.file() + "\u0000" + f.pointer());
      }
      for (String lesser : OUTRANKS.getOrDefault(f.rule(), Set.of())) {
        outranked.add(lesser + "\u0000" + f.file() + "\u0000" + f.pointer());
      }
      if (f.rule().equals(Code.PRUNED_FIELD.id())) {
        pruned.add(f.file() + "\u0000" + f.pointer());
      }
    }
    List<Diagnostic> kept = new ArrayList<>();
    Set<String> unique = new HashSet<>();
    for (Diagnostic f : findings) {
      String at = f.file() + "\u0000" + f.pointer();
      if (f.rule().equals(Code.SCHEMA.id()) && explained.contains(at)) {
        continue;
      }
      if (GIVE_WAY.contains(f.rule()) && said.contains(at)) {
        continue;
      }
      if (outranked.contains(f.rule() + "\u0000" + at) || (!SAID_OF_PRUNED.contains(f.rule()) && isUnder(at, pruned))) {
        continue;
      }
      if (unique.add(f.rule() + "\u0000" + at + "\u0000" + f.position())) {
        kept.add(f);
      }
    }
    return kept;
  }

  /** Whether a file-and-pointer is one of the others or inside one of them. */
  private static boolean isUnder(String at, List<String> others) {
    for (String other : others) {
      if (at.equals(other) || at.startsWith(other + "/")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The finding for a file that cannot be read at all (syntax, duplicate key, template, limit, I/O, encoding):
   * its rule and fix follow from the exception's {@link SourceException#kind() kind}.
   *
   * @throws IllegalArgumentException for a {@link SourceException.Kind#UNEDITABLE} exception, which a
   *     migration raises about a file that reads
   */
  public static Diagnostic of(SourceException e) {
    // a switch expression: a new kind does not compile until it has its rule here
    RuleAndFix refusal = switch (e.kind()) {
      case SYNTAX -> new RuleAndFix(Code.YAML_SYNTAX,
          "correct the YAML at this position; Grafana refuses the whole file");
      case DUPLICATE_KEY -> new RuleAndFix(Code.DUPLICATE_KEY, e.related()
          .map(first -> "keep one of the two: remove this key or the one at line " + first.line() + ", column "
              + first.column())
          .orElse("remove one of the two keys"));
      case MISREAD -> new RuleAndFix(Code.YAML_SYNTAX,
          "write the file as it is meant to be read; Grafana would store something else");
      case TEMPLATE -> new RuleAndFix(Code.TEMPLATE,
          "render the template (helm template, ansible, terraform) and validate the rendered file");
      case LIMIT -> new RuleAndFix(Code.LIMIT,
          "split or simplify the file; a provisioning file never needs this much");
      case UNREADABLE -> new RuleAndFix(Code.UNREADABLE, "check the path and its permissions");
      case NOT_FOUND -> new RuleAndFix(Code.UNREADABLE,
          "check the path for a typo; a relative path starts at the current folder");
      case ENCODING -> new RuleAndFix(Code.UNREADABLE, "save the file as UTF-8 text");
      case UNEDITABLE -> throw new IllegalArgumentException(
          "not a reading error but a migration's refusal: " + e.getMessage());
    };
    String problem = e.problem();
    // a path with nothing at it is the command's mistake, not a file Grafana would meet
    String message = problem.contains("Grafana") || e.kind() == SourceException.Kind.NOT_FOUND ? problem
        : problem + "; Grafana cannot read this file either";
    Code rule = refusal.rule();
    return new Diagnostic(e.file(), e.position(), rule.severity(), rule, "", message, refusal.fix());
  }

  /**
   * The diagnostic of a file that cannot be read, in the reading layer's own words (status and migrate say what is
   * wrong; {@link #of} adds what it means for Grafana, as a validation finding does).
   */
  public static Diagnostic unreadable(SourceException e) {
    return of(e).withMessage(e.problem());
  }

  private record RuleAndFix(Code rule, String fix) {}
}

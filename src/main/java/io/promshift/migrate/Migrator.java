package io.promshift.migrate;

import io.promshift.embed.SourceFile;
import io.promshift.embed.SourceReader;
import io.promshift.embed.FixedTypeAdvice;
import io.promshift.embed.InnerText;
import io.promshift.embed.Unit;
import io.promshift.embed.UnitProblem;
import io.promshift.embed.UnitSettings;
import io.promshift.model.DataSource;
import io.promshift.model.Field;
import io.promshift.model.ProvisioningFile;
import io.promshift.model.ProvisioningReader;
import io.promshift.patch.Edit;
import io.promshift.patch.EditSet;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.Validator;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.FileSnapshot;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves data source types between {@code prometheus} and the Amazon and Azure plugin types exactly as
 * Grafana's migration decides, editing only the {@code type} scalars and the marker entries: every other
 * byte of the file stays as it was. A file that cannot be read, or that cannot be edited without changing
 * another data source's data, is refused and left untouched.
 *
 * <p>Thread-safe and without global state: one migrator serves many files in parallel.
 */
public final class Migrator {
  private final ProvisioningReader reader;
  private final SourceReader sources;
  /** Reads a result back for its check: the data is all that matters there. */
  private final SourceReader dataReader;
  private final MigrationOptions options;

  /** A migrator of plain provisioning files and of the data sources embedded in other files. */
  public Migrator(ProvisioningReader reader, MigrationOptions options) {
    this(new SourceReader(reader, UnitSettings.AUTO), options);
  }

  /** A migrator that reads files as {@code sources} says (embedded units or plain files only). */
  public Migrator(SourceReader sources, MigrationOptions options) {
    this.reader = sources.provisioningReader();
    this.sources = sources;
    this.dataReader = sources.dataOnly();
    this.options = options;
  }

  public Migrator(MigrationOptions options) {
    this(new ProvisioningReader(ReadSettings.DEFAULTS), options);
  }

  public MigrationOptions options() {
    return options;
  }

  /** Reads (within the reader's size limit) and migrates one file; a file that cannot be read is refused. */
  public MigrationResult migrate(Path path) {
    FileSnapshot snapshot;
    try {
      snapshot = reader.snapshot(path);
    } catch (SourceException e) {
      return new MigrationResult(path.toString(), null, "", List.of(), List.of(), refusal(e));
    }
    return migrate(snapshot);
  }

  /** Migrates a file as it was read; write the result with {@code AtomicWriter.replace(snapshot, newBytes)}. */
  public MigrationResult migrate(FileSnapshot snapshot) {
    return migrate(snapshot.path().toString(), snapshot.bytes());
  }

  public MigrationResult migrate(String name, byte[] bytes) {
    SourceText source;
    try {
      source = reader.decode(name, bytes);
    } catch (SourceException e) {
      return new MigrationResult(name, null, "", List.of(), List.of(), refusal(e));
    }
    return migrate(source);
  }

  public MigrationResult migrate(String name, String text) {
    return migrate(SourceText.of(name, text));
  }

  public MigrationResult migrate(SourceText source) {
    try {
      return migrateRead(source);
    } catch (RuntimeException e) {
      return defect(source, e);
    }
  }

  /**
   * A rewrite (a migration, a fix) that failed on a defect of promshift's: it costs one file, never the batch, and
   * never prints a stack trace or a value.
   */
  static MigrationResult defect(SourceText source, RuntimeException e) {
    return refused(source, List.of(), Diagnostic.of(source.name(), source.position(0), Code.MIGRATION_REFUSED,
        "promshift failed on this file (" + e.getClass().getSimpleName() + "); it is left untouched — please report"
            + " this"));
  }

  private MigrationResult migrateRead(SourceText source) {
    SourceFile read;
    try {
      read = sources.read(source);
    } catch (SourceException e) {
      return refused(source, List.of(), refusal(e));
    }
    if (!read.hasDataSources()) {
      Diagnostic skipped = Diagnostic.of(source.name(), source.position(0), Code.NOT_PROVISIONING,
          sources.nothingHere());
      return new MigrationResult(source.name(), source, source.text(), List.of(), List.of(skipped), null);
    }
    if (!read.isPlain()) {
      return migrateUnits(read);
    }
    ProvisioningFile file = read.plain();
    MigrationPlan plan;
    try {
      plan = new MigrationPlanner(file, options).plan();
    } catch (SourceException e) {
      return refused(source, List.of(), refusal(e));
    }
    String newText = plan.edits().apply(source.text());
    if (newText.equals(source.text())) {
      return new MigrationResult(source.name(), source, newText, plan.changes(), plan.notices(), null);
    }
    Diagnostic unsafe = ReadBack.plain(dataReader, file, newText, expectedData(file, plan), "the edit would change"
        + " data it must not change (shared anchors or merge keys tie these data sources together); migrate this file"
        + " by hand");
    if (unsafe != null) {
      return refused(source, plan.notices(), unsafe);
    }
    return new MigrationResult(source.name(), source, newText, plan.changes(), plan.notices(), null,
        plan.edits().edits());
  }

  /**
   * Migrates every unit of a file with embedded data sources: each unit is planned as a provisioning document of its
   * own (a unit that cannot be edited safely is refused alone, with its position, and the others go on), then all
   * edits are applied to the outer text at once and checked together.
   */
  private MigrationResult migrateUnits(SourceFile file) {
    SourceText source = file.source();
    List<Edit> edits = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    List<Diagnostic> notices = new ArrayList<>();
    Map<Unit, MigrationPlan> plans = new IdentityHashMap<>();
    for (UnitProblem problem : file.problems()) {
      notices.add(refusal(problem.error()).withPath(problem.path().toString()));
    }
    for (Unit unit : file.units()) {
      if (unit.shape().fixedType()) {
        fixedType(unit).ifPresent(notices::add);
        continue;
      }
      MigrationPlan plan;
      try {
        plan = new MigrationPlanner(unit, options).plan();
      } catch (SourceException e) {
        notices.add(refusal(e).withPosition(unit.outer(e.position())).withPath(unit.where()));
        continue;
      }
      List<Edit> unitEdits;
      try {
        unitEdits = unit.inString() ? outerEdits(unit, plan.edits(), options.rewriteBase64()) : plan.edits().edits();
      } catch (IllegalArgumentException e) {
        notices.add(Diagnostic.of(source.name(), unit.position(), Code.MIGRATION_REFUSED, "the data sources in this"
            + " string are left as they are: " + e.getMessage()).withPath(unit.where()));
        continue;
      }
      plans.put(unit, plan);
      edits.addAll(unitEdits);
      if (unit.inString() && unit.inner().base64() != null && !unitEdits.isEmpty()) {
        notices.add(Diagnostic.of(source.name(), unit.position(), Code.BASE64_REWRITTEN, unit.path() + " is"
            + " base64: decoded, changed and encoded again (same alphabet and padding), as asked")
            .withPath(unit.path().toString()));
      }
      changes.addAll(plan.changes());
      notices.addAll(plan.notices());
      if (!plan.changes().isEmpty()) {
        io.promshift.embed.Generated.by(file.stream().documents().get(unit.document())).ifPresent(tool ->
            notices.add(Diagnostic.of(source.name(), unit.position(), Code.GENERATED_FILE_CHANGED,
                io.promshift.embed.Generated.message(tool)).withPath(unit.path().toString())));
      }
      if (options.direction() == Direction.FORWARD && !plan.changes().isEmpty()) {
        notices.add(Diagnostic.of(source.name(), unit.position(), Code.DECLARE_PLUGIN, "declare "
            + String.join(" and ", plan.changes().stream().map(Change::toType).distinct().toList()) + " in "
            + unit.shape().pluginPlace() + ": Grafana does not install a plugin for a provisioned data source")
            .withPath(unit.where()));
      }
    }
    EditSet all = EditSet.of(edits);
    String newText = all.apply(source.text());
    if (newText.equals(source.text())) {
      return new MigrationResult(source.name(), source, newText, changes, notices, null);
    }
    Diagnostic unsafe = ReadBack.units(dataReader, file, newText, unit -> {
      MigrationPlan plan = plans.get(unit);
      return plan == null ? ReadBack.grafanaView(unit.file()) : expectedData(unit.file(), plan);
    }, "the edit would change data it must not change (shared anchors or merge keys tie these data sources to other"
        + " values); migrate this file by hand");
    if (unsafe != null) {
      return refused(source, notices, unsafe);
    }
    return new MigrationResult(source.name(), source, newText, changes, notices, null, all.edits());
  }

  /**
   * The edits of a provisioning file inside a string, as edits of the characters of the outer file that hold it; a
   * base64 value, when {@code rewriteBase64} allows it, is encoded again whole.
   *
   * @throws IllegalArgumentException when the string cannot hold the edited text (the unit is then left as it is)
   */
  static List<Edit> outerEdits(Unit unit, EditSet inner, boolean rewriteBase64) {
    if (unit.inner().base64() != null && rewriteBase64 && !inner.isEmpty()) {
      InnerText.OuterEdit whole = unit.inner().rewriteBase64(inner.apply(unit.inner().text()));
      return List.of(new Edit(whole.start(), whole.end(), whole.text()));
    }
    List<Edit> outer = new ArrayList<>(inner.size());
    for (Edit edit : inner.edits()) {
      InnerText.OuterEdit mapped = unit.inner().edit(edit.start(), edit.end(), edit.replacement());
      outer.add(new Edit(mapped.start(), mapped.end(), mapped.text()));
    }
    return outer;
  }

  /**
   * kube-prometheus-stack's default data source: its type is written by the chart. When Grafana would migrate it,
   * say how to move it (the item text to add), never edit it.
   */
  private java.util.Optional<Diagnostic> fixedType(Unit unit) {
    if (options.direction() != Direction.FORWARD) {
      return java.util.Optional.empty();
    }
    return FixedTypeAdvice.pendingTarget(unit).map(target -> Diagnostic.of(unit.file().fileName(), unit.position(),
        Code.FIXED_TYPE, FixedTypeAdvice.message(unit, target)).withPath(unit.path().toString()));
  }

  private static MigrationResult refused(SourceText source, List<Diagnostic> notices, Diagnostic refusal) {
    return new MigrationResult(source.name(), source, source.text(), List.of(), notices, refusal);
  }

  /**
   * Why a file is left untouched, from the reading layer's error: a file that does not read keeps its reading
   * code (yaml-syntax, duplicate-key, ...), one that reads but cannot be edited safely is a migration refusal.
   */
  static Diagnostic refusal(SourceException e) {
    if (e.kind() == SourceException.Kind.UNEDITABLE) {
      return Diagnostic.of(e.file(), e.position(), Code.MIGRATION_REFUSED, e.problem());
    }
    return Validator.unreadable(e);
  }

  @SuppressWarnings("unchecked")
  private Object expectedData(ProvisioningFile before, MigrationPlan plan) {
    Map<String, Object> view = ReadBack.grafanaView(before);
    Object list = view.get("datasources");
    if (!(list instanceof List<?>)) {
      return view;
    }
    List<Object> sources = new ArrayList<>((List<Object>) list);
    for (DataSource source : before.dataSources()) {
      MigrationPlan.Intent intent = plan.intents().get(source.index());
      if (intent == null) {
        continue;
      }
      Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) sources.get(source.index()));
      fields.put(Field.TYPE.key(source.legacy()), intent.toType());
      String jsonKey = Field.JSON_DATA.key(source.legacy());
      if (!(fields.get(jsonKey) instanceof Map<?, ?> original)) {
        sources.set(source.index(), fields);
        continue;
      }
      Map<String, Object> json = new LinkedHashMap<>((Map<String, Object>) original);
      switch (intent.marker()) {
        case ADDED, SET_TRUE, ALREADY_SET -> json.put(io.promshift.model.PromTypeMigration.MARKER, true);
        case SET_FALSE -> json.put(io.promshift.model.PromTypeMigration.MARKER, false);
        case REMOVED -> json.remove(io.promshift.model.PromTypeMigration.MARKER);
        default -> { }
      }
      fields.put(jsonKey, json);
      sources.set(source.index(), fields);
    }
    view.put("datasources", sources);
    return view;
  }
}

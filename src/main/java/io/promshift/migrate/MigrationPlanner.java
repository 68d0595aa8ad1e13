package io.promshift.migrate;

import io.promshift.embed.Unit;
import io.promshift.grafana.GoMap;
import io.promshift.grafana.GoValue;
import io.promshift.grafana.GoYaml;
import io.promshift.model.DataSource;
import io.promshift.model.Field;
import io.promshift.model.MigrationState;
import io.promshift.model.PromTypeMigration;
import io.promshift.model.ProvisioningFile;
import io.promshift.patch.Edit;
import io.promshift.patch.EditSet;
import io.promshift.patch.YamlEdits;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.syntax.AliasNode;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlNode;
import io.promshift.text.Position;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, per data source, what Grafana's migration does (or its rollback), and turns that into the
 * smallest edits: the {@code type} scalar's text, and one marker entry added, flipped or removed.
 *
 * <p>Shared structure is never changed behind the user's back. An anchored {@code type} scalar or jsonData
 * mapping is edited in place only when every use of it belongs to a data source that moves the same way;
 * otherwise a data source that merely uses it (an alias) is edited locally ({@code jsonData: *aws} becomes
 * a mapping with {@code <<: *aws} plus the marker; an aliased type becomes a plain scalar), and the owner of
 * an anchor still used elsewhere is refused with a message naming the source and line.
 */
final class MigrationPlanner {
  private static final String MARKER = PromTypeMigration.MARKER;

  private final ProvisioningFile file;
  private final YamlDocument document;
  private final SourceText source;
  private final MigrationOptions options;
  private final List<Diagnostic> notices = new ArrayList<>();
  private final Map<Integer, MigrationPlan.Intent> intents = new LinkedHashMap<>();
  private final List<Edit> edits = new ArrayList<>();
  /** Nodes already edited (shared ones are edited once, for all their users). */
  private final Set<YamlNode> edited = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Where each node is used as a type or jsonData value of a moving source: node → intent. */
  private final Map<YamlNode, MigrationPlan.Intent> typeUses = new IdentityHashMap<>();
  private final Map<YamlNode, MigrationPlan.Intent> jsonDataUses = new IdentityHashMap<>();

  /** The unit being planned, or null for a plain provisioning file. */
  private final Unit unit;

  MigrationPlanner(ProvisioningFile file, MigrationOptions options) {
    this(file, options, null);
  }

  /** Plans the data sources of one embedded unit: its edits are in the outer file, its notices name the item's path. */
  MigrationPlanner(Unit unit, MigrationOptions options) {
    this(unit.file(), options, unit);
  }

  private MigrationPlanner(ProvisioningFile file, MigrationOptions options, Unit unit) {
    this.unit = unit;
    this.file = file;
    this.document = file.document();
    this.source = document.source();
    this.options = options;
  }

  MigrationPlan plan() {
    if (document.moreDocuments()) {
      notices.add(notice(Code.LATER_DOCUMENTS, source.position(0), "Grafana reads only the first YAML"
          + " document of a file; the documents after it are left untouched"));
    }
    for (DataSource ds : file.dataSources()) {
      MigrationPlan.Intent intent = options.direction() == Direction.FORWARD ? forwardIntent(ds) : reverseIntent(ds);
      if (intent != null) {
        intents.put(ds.index(), intent);
        ds.entry(Field.TYPE).ifPresent(e -> typeUses.put(e.valueNode(), intent));
        ds.entry(Field.JSON_DATA).filter(e -> !e.merged()).ifPresent(e -> {
          jsonDataUses.put(e.valueNode(), intent);
          if (e.valueNode() instanceof MappingNode own) {
            mergedAliases(own).forEach(alias -> jsonDataUses.put(alias, intent));
          }
        });
      }
    }
    List<Change> changes = new ArrayList<>();
    for (DataSource ds : file.dataSources()) {
      MigrationPlan.Intent intent = intents.get(ds.index());
      if (intent == null) {
        continue;
      }
      if (ds.node() instanceof AliasNode alias) {
        if (!(alias.target() instanceof MappingNode) || !isMovingSource(alias.target(), intent)) {
          throw refuse(ds.node(), ds.label() + " is an alias (*" + alias.name() + ") of a data source that does"
              + " not move the same way; promshift cannot change one without the other");
        }
        changes.add(change(ds, intent));
        continue; // the aliased source's own edits cover this one
      }
      // the marker first: when jsonData and the source's own map end on the same line, an entry added to
      // the inner map must come before one added to the outer map at that same offset
      Change.MarkerAction marker;
      try {
        marker = editMarker(ds, intent);
        editType(ds, intent);
      } catch (IllegalArgumentException e) {
        // a shape the patcher will not edit safely (it says why): refuse the file, never half-edit it
        throw refuse(ds.node(), "cannot edit " + ds.label() + " without changing other data: " + e.getMessage());
      }
      MigrationPlan.Intent actual = new MigrationPlan.Intent(intent.toType(), marker);
      intents.put(ds.index(), actual);
      changes.add(change(ds, actual));
      if (options.direction() == Direction.FORWARD) {
        warnFixedVersion(ds);
      }
    }
    return new MigrationPlan(EditSet.of(edits), changes, notices, intents);
  }

  // ---- deciding -------------------------------------------------------------------------------------

  private MigrationPlan.Intent forwardIntent(DataSource ds) {
    if (!ds.type().filter(PromTypeMigration.PROMETHEUS::equals).isPresent()) {
      return null;
    }
    PromTypeMigration.Reason reason = PromTypeMigration.decide(ds);
    if (reason == PromTypeMigration.Reason.NONE) {
      explainNoMigration(ds);
      return null;
    }
    Target target = Target.ofPluginType(reason.targetType().orElseThrow());
    if (!options.includes(target)) {
      String why = target == Target.AZURE
          && ds.jsonData().flatMap(j -> j.get("sigV4Auth")).filter(GoValue::isTrue).isPresent()
          ? "it has both azureCredentials and sigV4Auth: true, and Grafana moves such a source to Azure first;"
              + " this run is limited to Amazon, so it is left alone"
          : "Grafana moves it to " + target.pluginType() + ", which this run does not include";
      notices.add(notice(Code.SKIPPED_TARGET, ds, position(ds.node()), ds.label() + " is not migrated: " + why));
      return null;
    }
    if (!keepsMarker()) {
      notices.add(notice(Code.MARKER_NOT_KEPT, ds, position(ds.node()), ds.label() + ": only the type changes; the "
          + unit.shape().label() + " CRD drops jsonData keys it does not list, so the " + MARKER
          + " marker would not reach Grafana"));
      return new MigrationPlan.Intent(target.pluginType(), Change.MarkerAction.NONE);
    }
    return new MigrationPlan.Intent(target.pluginType(),
        PromTypeMigration.isMarked(ds.jsonData()) ? Change.MarkerAction.ALREADY_SET : Change.MarkerAction.ADDED);
  }

  private MigrationPlan.Intent reverseIntent(DataSource ds) {
    Optional<String> type = ds.type();
    Target target = type.map(Target::ofPluginType).orElse(null);
    if (target == null || !options.includes(target)) {
      return null;
    }
    boolean marked = PromTypeMigration.isMarked(ds.jsonData());
    if (!marked && !options.reverseUnmarked()) {
      notices.add(notice(Code.NATIVE_PLUGIN_SOURCE, ds, position(ds.node()), ds.label() + " has no "
          + MARKER + ": true, so it was created as " + type.get() + ", not migrated; left alone"
          + (keepsMarker() ? "" : " (this resource cannot store the marker: migrate --to prometheus --all moves it back)")));
      return null;
    }
    boolean hasMarker = ds.jsonData().map(j -> j.containsKey(MARKER)).orElse(false);
    Change.MarkerAction marker = !hasMarker ? Change.MarkerAction.NONE
        : options.markerFalseOnReverse() ? Change.MarkerAction.SET_FALSE : Change.MarkerAction.REMOVED;
    return new MigrationPlan.Intent(PromTypeMigration.PROMETHEUS, marker);
  }

  /**
   * A prometheus source whose editor shows the deprecation notice but which Grafana will not move: said in
   * the words of its {@link MigrationState}, so that {@code migrate} and {@code status} give one reason.
   */
  private void explainNoMigration(DataSource ds) {
    MigrationState state = MigrationState.of(ds, options.fixCommand());
    Optional<GoMap.Entry> sigV4 = ds.jsonData().flatMap(j -> j.entry("sigV4Auth"));
    if (state.state() != MigrationState.State.WILL_NOT_MIGRATE || sigV4.isEmpty()) {
      return;
    }
    boolean placeholder = !ds.legacy() && sigV4.get().value() instanceof GoValue.GoString text
        && text.value().contains("$");
    notices.add(notice(placeholder ? Code.SIGV4_AUTH_PLACEHOLDER : Code.SIGV4_AUTH_NOT_BOOLEAN_TRUE, ds,
        position(sigV4.get().valueNode()), ds.label() + " will not migrate: " + state.reason()));
  }

  private void warnFixedVersion(DataSource ds) {
    ds.text(Field.VERSION).filter(v -> !v.isBlank() && !v.strip().equals("0")).ifPresent(v ->
        notices.add(notice(Code.FIXED_VERSION, ds, position(ds.entry(Field.VERSION).get().valueNode()),
            ds.label() + " has a fixed version: " + v + "; Grafana applies a file's version once and skips the"
                + " changed file until the version is raised: raise it or drop it")));
  }

  // ---- editing the type -----------------------------------------------------------------------------

  private void editType(DataSource ds, MigrationPlan.Intent intent) {
    MappingNode map = (MappingNode) ds.node();
    GoMap.Entry type = ds.entry(Field.TYPE).orElseThrow();
    String key = Field.TYPE.key(ds.legacy());
    if (type.merged()) {
      // The type comes from a shared map through <<: give this source its own, which wins over the merge.
      edits.add(YamlEdits.addEntry(source, map, key, intent.toType()));
      return;
    }
    Optional<GoMap.Entry> underneath = ds.fields().shadowed(key);
    if (underneath.isPresent() && underneath.get().value() instanceof GoValue.GoString merged
        && merged.value().equals(intent.toType())) {
      // Our own earlier forward edit shadowed a merged type: removing it restores the file.
      edits.addAll(YamlEdits.removeEntry(source, map, physicalEntry(map, type.keyNode())));
      return;
    }
    YamlNode value = type.valueNode();
    if (value instanceof AliasNode alias) {
      if (!isSharedNodeEdited(alias.target(), intent, typeUses)) {
        edits.add(YamlEdits.replaceNode(source, alias, plainScalar(intent.toType())));
      }
      return;
    }
    ScalarNode scalar = (ScalarNode) value;
    if (!document.aliasesOf(scalar).isEmpty()) {
      checkSharedUse(scalar, intent, typeUses, ds, "type");
    }
    if (edited.add(scalar)) {
      edits.add(YamlEdits.replaceScalar(source, scalar, intent.toType()));
    }
  }

  // ---- editing the marker ---------------------------------------------------------------------------

  private Change.MarkerAction editMarker(DataSource ds, MigrationPlan.Intent intent) {
    if (intent.marker() == Change.MarkerAction.NONE) {
      return intent.marker();
    }
    Optional<GoMap.Entry> json = ds.entry(Field.JSON_DATA);
    if (json.isEmpty() || !(json.get().value() instanceof GoMap jsonData)) {
      return intent.marker();
    }
    if (json.get().merged()) {
      throw refuse(ds.node(), "jsonData of " + ds.label() + " comes from a merge key (<<) shared with other"
          + " entries; give this data source its own jsonData (for example jsonData: {<<: *shared}) first");
    }
    YamlNode value = json.get().valueNode();
    if (value instanceof AliasNode alias) {
      if (isSharedNodeEdited(alias.target(), intent, jsonDataUses)) {
        return intent.marker();
      }
      return localMarker((MappingNode) ds.node(), json.get(), alias, intent);
    }
    MappingNode mapping = (MappingNode) value;
    if (!document.aliasesOf(mapping).isEmpty()) {
      checkSharedUse(mapping, intent, jsonDataUses, ds, "jsonData");
    }
    if (!edited.add(mapping)) {
      return intent.marker();
    }
    return options.direction() == Direction.FORWARD
        ? setMarkerTrue(mapping, jsonData)
        : clearMarker(ds, json.get(), mapping, jsonData);
  }

  private Change.MarkerAction setMarkerTrue(MappingNode mapping, GoMap jsonData) {
    Optional<GoMap.Entry> marker = jsonData.entry(MARKER);
    if (marker.isPresent() && marker.get().value().isTrue()) {
      return Change.MarkerAction.ALREADY_SET;
    }
    if (marker.isPresent() && !marker.get().merged()) {
      edits.add(YamlEdits.replaceValue(source, mapping, physicalEntry(mapping, marker.get().keyNode()), "true"));
      return Change.MarkerAction.SET_TRUE;
    }
    edits.add(YamlEdits.addEntry(source, mapping, MARKER, "true"));
    return Change.MarkerAction.ADDED;
  }

  private Change.MarkerAction clearMarker(DataSource ds, GoMap.Entry json, MappingNode mapping, GoMap jsonData) {
    GoMap.Entry marker = jsonData.entry(MARKER).orElseThrow();
    if (options.markerFalseOnReverse()) {
      if (marker.merged()) {
        edits.add(YamlEdits.addEntry(source, mapping, MARKER, "false"));
      } else {
        edits.add(YamlEdits.replaceValue(source, mapping, physicalEntry(mapping, marker.keyNode()), "false"));
      }
      return Change.MarkerAction.SET_FALSE;
    }
    if (marker.merged()) {
      throw refuse(marker.valueNode(), "the marker of " + ds.label() + " comes from a merge key shared with other"
          + " entries, so it cannot be removed here; use the option that sets it to false instead");
    }
    MappingNode.Entry physical = physicalEntry(mapping, marker.keyNode());
    Edit collapse = collapseLocalMerge(json, mapping, physical);
    if (collapse != null) {
      edits.add(collapse);
    } else {
      edits.addAll(YamlEdits.removeEntry(source, mapping, physical));
    }
    return Change.MarkerAction.REMOVED;
  }

  /**
   * {@code jsonData: *aws} on a source that moves while the anchored map's other users do not: this source
   * gets its own map, {@code <<: *aws} plus the marker (a block map below the key, or a flow map in flow
   * context), so nobody else's data changes.
   */
  private Change.MarkerAction localMarker(MappingNode owner, GoMap.Entry json, AliasNode alias, MigrationPlan.Intent intent) {
    String markerValue = switch (intent.marker()) {
      case ADDED, SET_TRUE, ALREADY_SET -> "true";
      case SET_FALSE -> "false";
      default -> null;
    };
    if (markerValue == null) {
      throw refuse(alias, "jsonData is the alias *" + alias.name() + " of a map other data sources share; its"
          + " marker cannot be removed for this source alone; use the option that sets it to false instead");
    }
    if (owner.flow()) {
      edits.add(YamlEdits.replaceNode(source, alias, "{<<: *" + alias.name() + ", " + MARKER + ": " + markerValue + "}"));
    } else {
      edits.addAll(LocalMerge.expand(source, json.keyNode(), alias, MARKER + ": " + markerValue));
    }
    return intent.marker() == Change.MarkerAction.ALREADY_SET ? Change.MarkerAction.ADDED : intent.marker();
  }

  /** The inverse of {@link #localMarker}: a block map of just {@code <<: *x} and the marker becomes {@code *x}. */
  private Edit collapseLocalMerge(GoMap.Entry json, MappingNode mapping, MappingNode.Entry marker) {
    if (mapping.hasAnchor() || mapping.entries().size() != 2 || mapping.lastEntry() != marker) {
      return null;
    }
    MappingNode.Entry first = mapping.entries().get(0);
    if (!GoYaml.isMergeKey(first.key(), file.dialect()) || !(first.value() instanceof AliasNode alias)) {
      return null;
    }
    if (mapping.flow()) {
      String written = source.text().substring(mapping.span().start(), mapping.span().end());
      return written.equals("{<<: *" + alias.name() + ", " + MARKER + ": true}")
          ? new Edit(mapping.span().start(), mapping.span().end(), "*" + alias.name())
          : null;
    }
    return LocalMerge.collapse(source, json.keyNode(), mapping, alias);
  }

  // ---- shared nodes ---------------------------------------------------------------------------------

  /**
   * An anchored node may be edited in place only when every use of it (the anchored place and each alias)
   * is the same field of a data source that moves the same way; otherwise editing it would change a
   * source that does not move.
   */
  private void checkSharedUse(YamlNode anchored, MigrationPlan.Intent intent, Map<YamlNode, MigrationPlan.Intent> uses,
      DataSource ds, String field) {
    for (AliasNode alias : document.aliasesOf(anchored)) {
      MigrationPlan.Intent other = uses.get(alias);
      if (other == null || !other.toType().equals(intent.toType())) {
        throw refuse(anchored, field + " of " + ds.label() + " is anchored (&" + anchored.anchor() + ") and also"
            + " used at line " + source.position(alias.span().start()).line() + " by something that does not"
            + " move the same way; changing it would change that too. Give " + ds.label() + " its own " + field
            + " or move the anchor");
      }
    }
  }

  /** Whether a shared node is edited in place for all its users (so an alias of it needs no edit). */
  private boolean isSharedNodeEdited(YamlNode target, MigrationPlan.Intent intent, Map<YamlNode, MigrationPlan.Intent> uses) {
    MigrationPlan.Intent owner = uses.get(target);
    if (owner == null || !owner.toType().equals(intent.toType())) {
      return false;
    }
    for (AliasNode alias : document.aliasesOf(target)) {
      MigrationPlan.Intent other = uses.get(alias);
      if (other == null || !other.toType().equals(intent.toType())) {
        return false;
      }
    }
    return true;
  }

  private boolean isMovingSource(YamlNode node, MigrationPlan.Intent intent) {
    for (DataSource ds : file.dataSources()) {
      if (ds.node() == node) {
        MigrationPlan.Intent other = intents.get(ds.index());
        return other != null && other.toType().equals(intent.toType());
      }
    }
    return false;
  }

  /** The aliases a map's merge key names ({@code <<: *a} or {@code <<: [*a, *b]}). */
  private List<AliasNode> mergedAliases(MappingNode map) {
    List<AliasNode> aliases = new ArrayList<>();
    for (MappingNode.Entry entry : map.entries()) {
      if (!GoYaml.isMergeKey(entry.key(), file.dialect())) {
        continue;
      }
      if (entry.value() instanceof AliasNode alias) {
        aliases.add(alias);
      } else if (entry.value() instanceof io.promshift.syntax.SequenceNode list) {
        list.items().stream().filter(AliasNode.class::isInstance).map(AliasNode.class::cast).forEach(aliases::add);
      }
    }
    return aliases;
  }

  // ---- helpers --------------------------------------------------------------------------------------

  private static MappingNode.Entry physicalEntry(MappingNode map, YamlNode key) {
    for (MappingNode.Entry entry : map.entries()) {
      if (entry.key() == key) {
        return entry;
      }
    }
    throw new IllegalStateException("entry not in its mapping");
  }

  private static String plainScalar(String type) {
    return type; // plugin ids and "prometheus" are safe plain scalars
  }

  private Change change(DataSource ds, MigrationPlan.Intent intent) {
    return new Change(ds.label(), position(ds.node()), ds.type().orElse(""), intent.toType(), intent.marker(),
        pathOf(ds));
  }

  /** Whether the marker can be stored where this data source is defined. */
  private boolean keepsMarker() {
    return unit == null || unit.shape().keepsMarker();
  }

  private String pathOf(DataSource ds) {
    return unit == null ? "" : unit.describeItem(ds);
  }

  private io.promshift.text.Position position(YamlNode node) {
    return unit == null ? file.position(node) : unit.outer(file.position(node));
  }

  /** A notice about this file: a warning of the code's kind that travels with the result. */
  private Diagnostic notice(Code code, Position at, String message) {
    return Diagnostic.of(source.name(), at, code, message);
  }

  /** A notice about one data source (in a unit: with the item's path). */
  private Diagnostic notice(Code code, DataSource ds, Position at, String message) {
    return notice(code, at, message).withPath(pathOf(ds));
  }

  private SourceException refuse(YamlNode at, String message) {
    return source.error(at instanceof ScalarNode s ? s.valueSpan().start() : at.span().start(),
        SourceException.Kind.UNEDITABLE, message);
  }
}

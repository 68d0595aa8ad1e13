package io.promshift.migrate;

import io.promshift.embed.SourceFile;
import io.promshift.embed.SourceReader;
import io.promshift.embed.Unit;
import io.promshift.embed.UnitProblem;
import io.promshift.embed.YamlPath;
import io.promshift.grafana.GoList;
import io.promshift.grafana.GoMap;
import io.promshift.grafana.GoScalars;
import io.promshift.grafana.GoValue;
import io.promshift.model.ProvisioningFile;
import io.promshift.patch.Edit;
import io.promshift.patch.EditSet;
import io.promshift.patch.ScalarText;
import io.promshift.patch.YamlEdits;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.JsonView;
import io.promshift.rules.Repair;
import io.promshift.rules.Suppressions;
import io.promshift.rules.Validator;
import io.promshift.syntax.AliasNode;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.ScalarStyle;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlNode;
import io.promshift.text.Printable;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import io.promshift.text.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves the fixable findings of a validation — {@code sigV4Auth: yes}, {@code apiVersion: "1"}, an unprefixed
 * SigV4 key — with the smallest edits: the value's or key's own text, every other byte as it was. Each finding says
 * what resolves it exactly ({@link Repair}); the fixer decides only where to write it. A value shared through an
 * anchor is edited in place when every use of it gets the same repair, else locally where this use is an alias or a
 * merged key of its own map (the migration's rule for shared structure), else left: the finding stays, with its hint.
 *
 * <p>Every pass is checked as a migration is: read back, the data must be the old data with exactly the repairs.
 * Passes repeat (at most {@value #MAX_PASSES}) until nothing is left to fix, so that a fix that uncovers another
 * finding (signing turned on: its SigV4 keys are read now) resolves it too, and fixing a fixed file changes nothing.
 *
 * <p>Thread-safe and without global state: one fixer serves many files in parallel.
 */
public final class Fixer {
  static final int MAX_PASSES = 10;
  private static final String UNSAFE = "the fixes would change data they must not change (shared anchors or merge keys"
      + " tie these values to others); fix this file by hand";

  private final SourceReader sources;
  private final SourceReader dataReader;
  private final Validator validator;
  private final FixOptions options;

  public Fixer(SourceReader sources, Validator validator, FixOptions options) {
    this.sources = sources;
    this.dataReader = sources.dataOnly();
    this.validator = validator;
    this.options = options;
  }

  public FixOptions options() {
    return options;
  }

  /** Fixes a file's bytes; a file that cannot be read is refused, as a migration refuses it. */
  public MigrationResult fix(String name, byte[] bytes) {
    SourceText source;
    try {
      source = sources.provisioningReader().decode(name, bytes);
    } catch (SourceException e) {
      return new MigrationResult(name, null, "", List.of(), List.of(), Migrator.refusal(e));
    }
    return fix(source);
  }

  public MigrationResult fix(String name, String text) {
    return fix(SourceText.of(name, text));
  }

  public MigrationResult fix(SourceText source) {
    try {
      return fixRead(source);
    } catch (RuntimeException e) {
      return Migrator.defect(source, e);
    }
  }

  private MigrationResult fixRead(SourceText original) {
    SourceText current = original;
    List<Fix> fixes = new ArrayList<>();
    List<Diagnostic> notices = List.of();
    List<Edit> firstEdits = List.of();
    int passes = 0;
    while (passes < MAX_PASSES) {
      SourceFile read;
      try {
        read = sources.read(current);
      } catch (SourceException e) {
        return passes == 0 ? refused(original, List.of(), Migrator.refusal(e))
            : refused(original, List.of(), ReadBack.notReadBack(original.name(), e));
      }
      if (passes == 0 && !read.hasDataSources()) {
        Diagnostic skipped = Diagnostic.of(original.name(), original.position(0), Code.NOT_PROVISIONING,
            sources.nothingHere());
        return new MigrationResult(original.name(), original, original.text(), List.of(), List.of(skipped), null);
      }
      Pass pass = read.isPlain() ? plainPass(read) : unitsPass(read);
      notices = pass.notices;
      if (pass.edits.isEmpty()) {
        break;
      }
      EditSet edits;
      try {
        edits = EditSet.of(pass.edits);
      } catch (IllegalArgumentException overlapping) {
        return refused(original, notices, Diagnostic.of(original.name(), original.position(0), Code.MIGRATION_REFUSED,
            "two fixes would edit the same text; the file is left untouched — fix it by hand"));
      }
      String newText = edits.apply(current.text());
      Diagnostic unsafe = read.isPlain()
          ? ReadBack.plain(dataReader, read.plain(), newText, pass.expected.apply(null), UNSAFE)
          : ReadBack.units(dataReader, read, newText, pass.expected, UNSAFE);
      if (unsafe != null) {
        return refused(original, notices, unsafe);
      }
      if (passes == 0) {
        firstEdits = edits.edits();
      } else {
        firstEdits = List.of(); // offsets of a later pass are not the original's: a diff finds its own range
      }
      fixes.addAll(pass.fixes);
      current = SourceText.of(original.name(), newText);
      passes++;
    }
    return new MigrationResult(original.name(), original, current.text(), List.of(), notices, null, firstEdits, fixes);
  }

  private static MigrationResult refused(SourceText source, List<Diagnostic> notices, Diagnostic refusal) {
    return new MigrationResult(source.name(), source, source.text(), List.of(), notices, refusal);
  }

  // ---- one pass ------------------------------------------------------------------------------------------------

  /**
   * What one pass does: its edits of the outer text, the findings they resolve, what is said about the findings left,
   * and the data each unit (null: the plain file) must read as afterwards.
   */
  private record Pass(List<Edit> edits, List<Fix> fixes, List<Diagnostic> notices, Function<Unit, Object> expected) {}

  private Pass plainPass(SourceFile read) {
    ProvisioningFile file = read.plain();
    Planned planned = new Planner(file, wanted(read.source(), validator.validate(file)), null, at -> at).plan();
    return new Pass(planned.edits, planned.fixes, planned.notices, unit -> planned.expected);
  }

  private Pass unitsPass(SourceFile read) {
    List<List<Diagnostic>> byUnit = validator.validateUnits(read);
    Suppressions comments = Suppressions.scan(read.source());
    List<Edit> edits = new ArrayList<>();
    List<Fix> fixes = new ArrayList<>();
    List<Diagnostic> notices = new ArrayList<>();
    Map<Unit, Object> expected = new IdentityHashMap<>();
    for (UnitProblem problem : read.problems()) {
      notices.add(Migrator.refusal(problem.error()).withPath(problem.path().toString()));
    }
    for (int i = 0; i < read.units().size(); i++) {
      Unit unit = read.units().get(i);
      // a unit in a string is a document of its own; one in the outer document shares its anchors with the rest
      Planned planned = new Planner(unit.file(), wanted(comments, byUnit.get(i)),
          unit.inString() ? null : unit.node().span(), unit::outer).plan();
      if (planned.edits.isEmpty()) {
        notices.addAll(planned.notices);
        continue;
      }
      List<Edit> outer;
      try {
        outer = unit.inString() ? Migrator.outerEdits(unit, EditSet.of(planned.edits), options.rewriteBase64())
            : planned.edits;
      } catch (IllegalArgumentException e) {
        notices.add(Diagnostic.of(read.fileName(), unit.position(), Code.UNFIXED, "the findings in this string are"
            + " left as they are: " + e.getMessage()).withPath(unit.where()));
        continue;
      }
      edits.addAll(outer);
      fixes.addAll(planned.fixes);
      notices.addAll(planned.notices);
      expected.put(unit, planned.expected);
    }
    return new Pass(edits, fixes, notices, unit -> {
      Object fixed = expected.get(unit);
      return fixed != null ? fixed : ReadBack.grafanaView(unit.file());
    });
  }

  private List<Diagnostic> wanted(SourceText source, List<Diagnostic> findings) {
    return wanted(Suppressions.scan(source), findings);
  }

  /** The findings this run fixes: fixable, of the rules asked for, reported under the policy, not suppressed. */
  private List<Diagnostic> wanted(Suppressions comments, List<Diagnostic> findings) {
    List<Diagnostic> reported = new ArrayList<>();
    for (Diagnostic finding : comments.apply(findings).findings()) {
      if (finding.fixable() && options.includes(finding.code()) && options.policy().apply(finding).isPresent()) {
        reported.add(finding);
      }
    }
    return reported;
  }

  // ---- planning the edits of one document ----------------------------------------------------------------------

  /** The edits of one document, the fixes they make and the data the document must read as afterwards. */
  private record Planned(List<Edit> edits, List<Fix> fixes, List<Diagnostic> notices, Object expected) {}

  /**
   * Where a pointer leads: the entry there, the mapping that holds it, and whether that mapping is this use's alone;
   * for a holder that is an alias ({@code jsonData: *aws}) of this use's own entry, that entry and the mapping it is in
   * (where the alias can become a map of its own, {@code <<: *aws} and the fixed entry).
   */
  private record Target(GoMap.Entry entry, MappingNode holder, boolean owned, GoMap.Entry via, MappingNode viaOwner) {}

  /** Plans the repairs of one provisioning document (a plain file, or one unit's). */
  private static final class Planner {
    private final ProvisioningFile file;
    private final YamlDocument document;
    private final SourceText source;
    private final List<Diagnostic> wanted;
    /** Every repair wanted, by pointer: a shared node is edited in place only when all its uses want the same. */
    private final Map<String, List<Repair>> byPointer = new HashMap<>();
    /** The pointers at which Grafana reads each value node (through aliases and merge keys), and each key node. */
    private final Map<YamlNode, List<String>> valueUses = new IdentityHashMap<>();
    private final Map<YamlNode, List<String>> keyUses = new IdentityHashMap<>();
    /** What each node is already changed to in this pass; edits of one node are made once. */
    private final Map<Object, Repair> planned = new HashMap<>();
    private final List<Edit> edits = new ArrayList<>();
    private final List<Fix> fixes = new ArrayList<>();
    private final List<Repair> applied = new ArrayList<>();
    private final List<Diagnostic> notices = new ArrayList<>();
    /**
     * For a unit in an outer document, the unit's own text: a node is edited in place only when it and every alias of
     * it are inside (the rest of the document is read by other readers: Helm's templates, kubectl). Null for a
     * document of its own.
     */
    private final Span within;
    /** A position in the document as the file's: the unit's place in the outer file (itself for a plain file). */
    private final java.util.function.UnaryOperator<io.promshift.text.Position> outer;
    /** Where the repair being planned changes this use alone (an alias, a local entry), or null: where it is written. */
    private YamlNode localAt;

    Planner(ProvisioningFile file, List<Diagnostic> wanted, Span within,
        java.util.function.UnaryOperator<io.promshift.text.Position> outer) {
      this.file = file;
      this.document = file.document();
      this.source = document.source();
      this.wanted = wanted;
      this.within = within;
      this.outer = outer;
    }

    Planned plan() {
      for (Diagnostic finding : wanted) {
        for (Repair repair : finding.repairs()) {
          byPointer.computeIfAbsent(repair.pointer(), p -> new ArrayList<>()).add(repair);
        }
      }
      if (!wanted.isEmpty() && file.root() instanceof GoMap top) {
        for (String key : ReadBack.GRAFANA_KEYS) {
          top.entry(key).ifPresent(entry -> uses(entry, "/" + key, 0));
        }
      }
      for (Diagnostic finding : wanted) {
        planFinding(finding);
      }
      return new Planned(edits, fixes, notices, applied.isEmpty() ? null : expected());
    }

    /** All of a finding's repairs, or none: half a fix (a key renamed, its value not mapped) is never made. */
    private void planFinding(Diagnostic finding) {
      List<Edit> mine = new ArrayList<>();
      Map<Object, Repair> mineNodes = new LinkedHashMap<>();
      List<String> changes = new ArrayList<>();
      localAt = null;
      for (Repair repair : finding.repairs()) {
        String why;
        try {
          why = plan(repair, mine, mineNodes, changes);
        } catch (ConflictingRepairs | IllegalArgumentException e) {
          // another finding changes the same text otherwise, or the patcher will not edit this shape safely
          why = JsonView.lastKey(repair.pointer()) + " cannot be changed here without changing other text";
        }
        if (why != null) {
          notices.add(Diagnostic.of(finding.file(), finding.position(), Code.UNFIXED, "[" + finding.rule() + "] "
              + why + "; the finding stays: " + finding.fix()).withPath(finding.path()));
          return;
        }
      }
      edits.addAll(mine);
      planned.putAll(mineNodes);
      applied.addAll(finding.repairs());
      if (changes.size() == 2 && finding.repairs().get(1).action() == Repair.Action.RENAME) {
        // a value mapped and its key renamed: one change, authType: arn → sigV4AuthType: default
        changes = List.of(changes.get(0).replace(" → ", " → " + Printable.escape(finding.repairs().get(1).text()) + ": "));
      }
      // a fix made for this use alone is where this use is; any other, where the value is written (the finding's place)
      io.promshift.text.Position at = localAt == null ? finding.position() : outer.apply(file.position(localAt));
      fixes.add(new Fix(finding.code(), at, finding.pointer(), finding.path(),
          String.join(", ", changes)));
    }

    /** Plans one repair into {@code mine}; null when it can be made, else why not. */
    private String plan(Repair repair, List<Edit> mine, Map<Object, Repair> mineNodes, List<String> changes) {
      Optional<Target> found = target(repair.pointer());
      if (found.isEmpty()) {
        return JsonView.lastKey(repair.pointer()) + " is not a key of a mapping promshift can edit";
      }
      Target target = found.get();
      GoMap.Entry entry = target.entry();
      if (repair.action() == Repair.Action.RENAME) {
        if (entry.merged() || !(entry.keyNode() instanceof ScalarNode key) || key.tag() != null
            || !key.value().equals(entry.key()) || !allUsesWant(keyUses.get(key), repair) || !inside(key)
            || target.holder() == null || !inside(target.holder())) {
          return entry.key() + " is shared with other data (an anchor or a merge key) that this fix does not change";
        }
        if (claim(key, repair, mineNodes)) {
          mine.add(YamlEdits.replaceScalar(source, key, repair.text()));
        }
        changes.add(Printable.escape(entry.key()) + " → " + Printable.escape(repair.text()));
        return null;
      }
      YamlNode written = entry.valueNode();
      YamlNode physical = AliasNode.resolve(written);
      if (!(physical instanceof ScalarNode scalar) || scalar.tag() != null) {
        return entry.key() + " is not a plain value (it has a tag or is a collection)";
      }
      String was = source.text().substring(scalar.valueSpan().start(), scalar.valueSpan().end());
      String text = repair.action() == Repair.Action.SCALAR ? repair.text() : null;
      String now = text != null ? text : ScalarText.plainOrQuoted(repair.text());
      if (allUsesWant(valueUses.get(scalar), repair) && inside(scalar)) {
        // where it is written, for every place Grafana reads it (through an anchor too): all of them want this
        Edit edit = text != null ? scalarEdit(scalar, text) : YamlEdits.replaceScalar(source, scalar, repair.text());
        if (claim(scalar, repair, mineNodes)) {
          mine.add(edit);
        }
        boolean quoted = scalar.style() == ScalarStyle.SINGLE_QUOTED || scalar.style() == ScalarStyle.DOUBLE_QUOTED;
        if (text == null && quoted) {
          now = edit.replacement(); // a string keeps its quotes: the change says what the file holds now, "GET"
        }
      } else if (!target.owned() && target.via() != null) {
        // the map is an alias others share (jsonData: *aws): this use gets a map of its own, <<: *aws and the entry
        AliasNode shared = (AliasNode) target.via().valueNode();
        if (planned.containsKey(shared) || mineNodes.containsKey(shared)) {
          return "its map is given an entry of its own for another fix first (the next pass makes this one)";
        }
        mineNodes.put(shared, repair);
        localAt = shared;
        String line = ScalarText.plainOrQuoted(entry.key()) + ": " + now;
        if (target.viaOwner().flow()) {
          mine.add(YamlEdits.replaceNode(shared, "{<<: *" + shared.name() + ", " + line + "}"));
        } else {
          mine.addAll(LocalMerge.expand(source, target.via().keyNode(), shared, line));
        }
      } else if (!target.owned()) {
        return entry.key() + " is shared with other data (an anchor or a merge key) that this fix does not change";
      } else if (!entry.merged() && written instanceof AliasNode alias) {
        // this use alone: the alias becomes the value (its anchor and other uses keep theirs)
        if (claim(alias, repair, mineNodes)) {
          mine.add(YamlEdits.replaceNode(alias, text != null ? text : ScalarText.plainOrQuoted(repair.text())));
          localAt = alias;
        }
      } else if (entry.merged() && target.holder() != null) {
        // the value comes through << from a map others share: this map gets its own entry, which wins over it
        if (claim(List.of(target.holder(), entry.key()), repair, mineNodes)) {
          localAt = target.holder();
          mine.add(YamlEdits.addEntry(source, target.holder(), entry.key(),
              text != null ? text : ScalarText.plainOrQuoted(repair.text())));
        }
      } else {
        return entry.key() + " is shared with other data (an anchor or a merge key) that this fix does not change";
      }
      changes.add(Printable.escape(entry.key()) + ": " + Printable.escape(was) + " → " + Printable.escape(now));
      return null;
    }

    /**
     * A scalar written otherwise: a plain scalar of another type. Only the value's own text changes (an anchor or tag
     * before it stays); a block scalar is replaced whole, header included.
     */
    private Edit scalarEdit(ScalarNode scalar, String text) {
      if (scalar.style() == ScalarStyle.LITERAL || scalar.style() == ScalarStyle.FOLDED) {
        return YamlEdits.replaceNode(source, scalar, text);
      }
      Span span = scalar.valueSpan();
      return new Edit(span.start(), span.end(), text);
    }

    /** Takes a node for a repair; false when it is already changed the same way (by another finding). */
    private boolean claim(Object node, Repair repair, Map<Object, Repair> mineNodes) {
      Repair before = planned.containsKey(node) ? planned.get(node) : mineNodes.get(node);
      if (before == null) {
        mineNodes.put(node, repair);
        return true;
      }
      if (before.action() != repair.action() || !before.text().equals(repair.text())) {
        throw new ConflictingRepairs();
      }
      return false;
    }

    /** Whether every place Grafana reads a node wants exactly this change there. */
    private boolean allUsesWant(List<String> uses, Repair repair) {
      if (uses == null || uses.isEmpty()) {
        return false;
      }
      for (String use : uses) {
        boolean same = false;
        for (Repair other : byPointer.getOrDefault(use, List.of())) {
          same |= other.action() == repair.action() && other.text().equals(repair.text());
        }
        if (!same) {
          return false;
        }
      }
      return true;
    }

    /** Records where Grafana reads each node under {@code entry} (at {@code pointer}). */
    private void uses(GoMap.Entry entry, String pointer, int depth) {
      keyUses.computeIfAbsent(entry.keyNode(), k -> new ArrayList<>()).add(pointer);
      uses(entry.value(), entry.valueNode(), pointer, depth);
    }

    private void uses(GoValue value, YamlNode written, String pointer, int depth) {
      if (depth > 10_000) {
        return; // the reader's depth limit stops far earlier
      }
      if (value instanceof GoMap map) {
        for (GoMap.Entry entry : map.entries()) {
          uses(entry, JsonView.pointer(pointer, entry.key()), depth + 1);
        }
      } else if (value instanceof GoList list) {
        for (int i = 0; i < list.items().size(); i++) {
          uses(list.items().get(i), list.node().items().get(i), pointer + "/" + i, depth + 1);
        }
      } else if (written != null) {
        valueUses.computeIfAbsent(AliasNode.resolve(written), k -> new ArrayList<>()).add(pointer);
      }
    }

    /**
     * The entry a pointer names, with the mapping that holds it and whether every node on the way is this use's
     * alone (no alias, no merge key, no anchor another place refers to): where a local edit changes nothing else.
     */
    private Optional<Target> target(String pointer) {
      List<String> steps = YamlPath.pointerTokens(pointer);
      if (steps.isEmpty()) {
        return Optional.empty();
      }
      GoValue value = file.root();
      YamlNode node = document.root();
      boolean owned = hasNoAliases(node);
      GoMap.Entry via = null;
      MappingNode viaOwner = null;
      for (int i = 0; i < steps.size() - 1; i++) {
        String step = steps.get(i);
        if (value instanceof GoMap map) {
          Optional<GoMap.Entry> entry = map.entry(step);
          if (entry.isEmpty()) {
            return Optional.empty();
          }
          if (i == steps.size() - 2 && owned && !entry.get().merged() && entry.get().valueNode() instanceof AliasNode
              && AliasNode.resolve(node) instanceof MappingNode own) {
            via = entry.get(); // the last step is an alias in a map of this use's own
            viaOwner = own;
          }
          owned &= !entry.get().merged() && !(entry.get().valueNode() instanceof AliasNode);
          value = entry.get().value();
          node = entry.get().valueNode();
        } else if (value instanceof GoList list && step.matches("[0-9]{1,9}")
            && Integer.parseInt(step) < list.items().size()) {
          int index = Integer.parseInt(step);
          node = list.node().items().get(index);
          owned &= !(node instanceof AliasNode);
          value = list.items().get(index);
        } else {
          return Optional.empty();
        }
        owned &= hasNoAliases(AliasNode.resolve(node));
      }
      if (!(value instanceof GoMap holder)) {
        return Optional.empty();
      }
      Optional<GoMap.Entry> entry = holder.entry(steps.get(steps.size() - 1));
      MappingNode mapping = AliasNode.resolve(node) instanceof MappingNode own ? own : null;
      boolean alone = owned && mapping != null;
      GoMap.Entry aliasEntry = via;
      MappingNode aliasOwner = viaOwner;
      return entry.map(e -> new Target(e, mapping, alone, aliasEntry, aliasOwner));
    }

    /** Whether a node and every alias of it are in the unit's own text (always, for a document of its own). */
    private boolean inside(YamlNode node) {
      if (within == null) {
        return true;
      }
      if (!contains(node.span())) {
        return false;
      }
      for (AliasNode alias : document.aliasesOf(node)) {
        if (!contains(alias.span())) {
          return false;
        }
      }
      return true;
    }

    private boolean contains(Span span) {
      return span.start() >= within.start() && span.end() <= within.end();
    }

    private boolean hasNoAliases(YamlNode node) {
      return node == null || document.aliasesOf(node).isEmpty();
    }

    /** The document's data as Grafana reads it, with every applied repair: what it must read as afterwards. */
    private Object expected() {
      Map<String, Object> view = ReadBack.grafanaView(file);
      List<Repair> renames = new ArrayList<>();
      for (Repair repair : applied) {
        if (repair.action() == Repair.Action.RENAME) {
          renames.add(repair);
        } else {
          set(view, repair.pointer(), repair.action() == Repair.Action.STRING ? repair.text()
              : GoScalars.resolve(new ScalarNode(Span.at(0), Span.at(0), repair.text(), ScalarStyle.PLAIN, null, null),
                  file.dialect()).toPlain());
        }
      }
      for (Repair rename : renames) {
        rename(view, rename.pointer(), rename.text());
      }
      return view;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parent(Object root, List<String> steps) {
      Object at = root;
      for (int i = 0; i < steps.size() - 1 && at != null; i++) {
        String step = steps.get(i);
        if (at instanceof Map<?, ?> map) {
          at = map.get(step);
        } else if (at instanceof List<?> list && step.matches("[0-9]{1,9}") && Integer.parseInt(step) < list.size()) {
          at = list.get(Integer.parseInt(step));
        } else {
          at = null;
        }
      }
      return at instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    private static void set(Object root, String pointer, Object value) {
      List<String> steps = YamlPath.pointerTokens(pointer);
      Map<String, Object> holder = parent(root, steps);
      if (holder != null) {
        holder.put(steps.get(steps.size() - 1), value);
      }
    }

    private static void rename(Object root, String pointer, String newKey) {
      List<String> steps = YamlPath.pointerTokens(pointer);
      Map<String, Object> holder = parent(root, steps);
      String key = steps.get(steps.size() - 1);
      if (holder != null && holder.containsKey(key)) {
        holder.put(newKey, holder.remove(key));
      }
    }
  }

  /** Two findings want one node changed in two ways: neither is made (a defect of the rules, never of the file). */
  private static final class ConflictingRepairs extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConflictingRepairs() {
      super("two repairs of one node disagree", null, false, false);
    }
  }
}

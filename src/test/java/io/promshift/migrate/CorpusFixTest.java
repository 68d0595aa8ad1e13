package io.promshift.migrate;

import static io.promshift.migrate.FixHarness.FIXER;
import static io.promshift.migrate.FixHarness.SOURCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.promshift.embed.SourceFile;
import io.promshift.embed.Unit;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.JsonView;
import io.promshift.rules.Validator;
import io.promshift.testing.Corpus;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 17's acceptance over the samples and every folder of the shared corpus: fix, then migrate. Each file is
 * refused only when it does not read (as a migration refuses it); fixing twice is fixing once; every fixed finding
 * is gone when the result is validated again; nothing else changes — a changed line is one a fix is on (an added line
 * is the local entry of a fix), and the data Grafana reads differs only at the fixed pointers; and the fixed file
 * migrates whenever the original did. The counts (files changed, fixes by rule, data sources that migrate only after
 * the fix) are printed at the end.
 */
class CorpusFixTest {
  private static final Migrator MIGRATOR = new Migrator(SOURCES, MigrationOptions.forward().build());
  private static final AtomicInteger FILES = new AtomicInteger();
  private static final AtomicInteger CHANGED = new AtomicInteger();
  private static final AtomicInteger MIGRATE_ONLY_AFTER_FIX = new AtomicInteger();
  private static final Map<String, AtomicInteger> BY_RULE = new ConcurrentHashMap<>();
  private static final Set<String> FILES_MIGRATING_ONLY_AFTER_FIX = ConcurrentHashMap.newKeySet();
  /** Findings left with a repair after the fix (suppressed, or unsafe to fix: each has an unfixed notice). */
  private static final Map<String, AtomicInteger> LEFT = new ConcurrentHashMap<>();

  @TestFactory
  Stream<DynamicTest> fixThenMigrate() {
    List<Path> files = new ArrayList<>(Corpus.samples());
    for (String folder : List.of("real", "synthetic", "derived", "embedded", "templated")) {
      Path dir = Corpus.shared().resolve("corpus").resolve(folder);
      if (Files.isDirectory(dir)) {
        files.addAll(io.promshift.io.FileSet.of(dir).files());
      }
    }
    return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> check(file)));
  }

  /**
   * Real layouts with a known misspelling put in: every {@code sigV4Auth: true} written as {@code yes}, every {@code
   * apiVersion: 1} quoted, every {@code httpMethod: POST} in lower case. Fixing the misspelt file gives what fixing
   * the file itself gives (in a plain file always; in an embedded unit when the fixer changes it at all: Helm's own
   * YAML 1.1 reader makes a values file's yes true), with every promise of {@link #fixThenMigrate}.
   */
  @TestFactory
  Stream<DynamicTest> aMisspellingPutIntoARealFileIsUndone() {
    List<Path> files = new ArrayList<>(Corpus.samples());
    for (String folder : List.of("real", "synthetic", "derived", "embedded")) {
      Path dir = Corpus.shared().resolve("corpus").resolve(folder);
      if (Files.isDirectory(dir)) {
        files.addAll(io.promshift.io.FileSet.of(dir).files());
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      for (Map.Entry<String, String[]> mutation : MUTATIONS.entrySet()) {
        tests.add(DynamicTest.dynamicTest(file + " " + mutation.getKey(), () -> undone(file, mutation.getValue())));
      }
    }
    return tests.stream();
  }

  private static final Map<String, String[]> MUTATIONS = Map.of(
      "sigV4Auth: yes", new String[] {"(?m)^([ \\t]*(?:- )?sigV4Auth: )true([ \\t]*(?:#.*)?)$", "$1yes$2"},
      "apiVersion: \"1\"", new String[] {"(?m)^([ \\t]*)apiVersion: 1(\r?)$", "$1apiVersion: \"1\"$2"},
      "httpMethod: post", new String[] {"(?m)^([ \\t]*(?:- )?httpMethod: )POST\\b", "$1post"});

  private static final AtomicInteger MUTATED = new AtomicInteger();
  private static final AtomicInteger UNDONE = new AtomicInteger();
  private static final Map<String, AtomicInteger> LEFT_AS_WRITTEN = new ConcurrentHashMap<>();

  private static void undone(Path file, String[] mutation) throws Exception {
    String name = file.toString();
    byte[] original = Files.readAllBytes(file);
    MigrationResult itself = FIXER.fix(name, original);
    if (itself.refused() || itself.source() == null) {
      return;
    }
    String text = itself.source().text();
    String mutated = java.util.regex.Pattern.compile(mutation[0]).matcher(text).replaceAll(mutation[1]);
    if (mutated.equals(text)) {
      return;
    }
    MUTATED.incrementAndGet();
    MigrationResult fixed = FIXER.fix(name, itself.source().encode(mutated));
    assertThat(fixed.refusal()).as("%s: refused after the misspelling", name).isNull();
    if (fixed.changed()) {
      UNDONE.incrementAndGet();
    }
    // line by line, the fixed misspelt file is the fixed file; where it is not, the misspelling is left as written
    // (a key no plugin reads as a boolean, an httpMethod of a Loki source, Helm's yes) and nothing fixable is left there
    List<String> expected = List.of(itself.newText().split("\n", -1));
    List<String> actual = List.of(fixed.newText().split("\n", -1));
    List<String> misspelt = List.of(mutated.split("\n", -1));
    assertThat(actual).as("%s: lines", name).hasSameSizeAs(expected);
    Set<Integer> repairable = Validator.create().validate(SOURCES.read(SourceText.of(name, fixed.newText()))).stream()
        .filter(finding -> !finding.repairs().isEmpty()).map(Diagnostic::line).collect(Collectors.toSet());
    Set<Integer> unfixed = fixed.notices().stream().filter(notice -> notice.code() == Code.UNFIXED)
        .map(Diagnostic::line).collect(Collectors.toSet());
    for (int i = 0; i < expected.size(); i++) {
      if (!actual.get(i).equals(expected.get(i))) {
        assertThat(actual.get(i)).as("%s:%d: not undone, so left as written", name, i + 1).isEqualTo(misspelt.get(i));
        assertThat(!repairable.contains(i + 1) || unfixed.contains(i + 1))
            .as("%s:%d: %s is left with a repair and no notice", name, i + 1, actual.get(i)).isTrue();
        LEFT_AS_WRITTEN.computeIfAbsent(actual.get(i).strip().replaceAll(" *#.*", ""), k -> new AtomicInteger())
            .incrementAndGet();
      }
    }
    FixHarness.assertIdempotent(FIXER, fixed);
    if (fixed.changed()) {
      FixHarness.assertFixedFindingsGone(Validator.create(), fixed);
      assertOnlyFixedLinesDiffer(name, fixed);
      assertOnlyFixedDataDiffers(name, fixed);
    }
  }

  @AfterAll
  static void printCounts() {
    System.out.println("CorpusFixTest: " + FILES + " files, " + CHANGED + " changed by fix; fixes by rule: "
        + new TreeMap<>(BY_RULE) + "; " + MIGRATE_ONLY_AFTER_FIX + " data sources migrate only after the fix, in "
        + new java.util.TreeSet<>(FILES_MIGRATING_ONLY_AFTER_FIX) + "; findings left with a repair: " + new TreeMap<>(LEFT)
        + "; files misspelt: " + MUTATED + ", fixed: " + UNDONE + ", misspelt lines left as written: "
        + new TreeMap<>(LEFT_AS_WRITTEN));
  }

  private static void check(Path file) throws Exception {
    FILES.incrementAndGet();
    String name = file.toString();
    byte[] original = Files.readAllBytes(file);
    MigrationResult fixed = FIXER.fix(name, original);
    MigrationResult migrated = MIGRATOR.migrate(name, original);
    if (fixed.refused()) {
      assertThat(readError(name, original)).as("%s: refused although it reads: %s", name, fixed.refusal()).isNotNull();
      assertThat(migrated.refused()).as("%s: a migration refuses it too", name).isTrue();
      assertThat(fixed.refusal().code()).as(name).isEqualTo(migrated.refusal().code());
      assertThat(fixed.refusal().position()).as(name).isEqualTo(migrated.refusal().position());
      return;
    }
    FixHarness.assertIdempotent(FIXER, fixed);
    Validator.create().validate(SOURCES.read(SourceText.of(name, fixed.newText()))).stream()
        .filter(finding -> !finding.repairs().isEmpty())
        .forEach(left -> LEFT.computeIfAbsent(left.rule(), r -> new AtomicInteger()).incrementAndGet());
    if (!fixed.changed()) {
      assertThat(fixed.fixes()).as(name).isEmpty();
      return;
    }
    CHANGED.incrementAndGet();
    fixed.fixes().forEach(fix -> BY_RULE.computeIfAbsent(fix.rule().id(), r -> new AtomicInteger()).incrementAndGet());
    FixHarness.assertFixedFindingsGone(Validator.create(), fixed);
    assertOnlyFixedLinesDiffer(name, fixed);
    assertOnlyFixedDataDiffers(name, fixed);

    MigrationResult afterFix = MIGRATOR.migrate(name, fixed.newBytes());
    if (!migrated.refused()) {
      assertThat(afterFix.refusal()).as("%s: the fixed file migrates as the original did", name).isNull();
    }
    Set<String> before = migrated.changes().stream().map(CorpusFixTest::key).collect(Collectors.toSet());
    for (Change change : afterFix.changes()) {
      if (!before.contains(key(change))) {
        MIGRATE_ONLY_AFTER_FIX.incrementAndGet();
        FILES_MIGRATING_ONLY_AFTER_FIX.add(file.getFileName().toString());
      }
    }
  }

  private static String key(Change change) {
    return change.dataSource() + "\u0000" + change.path() + "\u0000" + change.toType();
  }

  /** Why the file does not read, or null when it reads. */
  private static SourceException readError(String name, byte[] bytes) {
    try {
      SOURCES.read(SOURCES.provisioningReader().decode(name, bytes));
      return null;
    } catch (SourceException e) {
      return e;
    }
  }

  /**
   * Every line of the original that differs in the result is a line a fix is on; a line is added only where a fix
   * adds a local entry (a line {@code key: value} of a fixed key), and none is removed.
   */
  private static void assertOnlyFixedLinesDiffer(String name, MigrationResult fixed) {
    Set<Integer> fixLines = fixed.fixes().stream().map(fix -> fix.position().line()).collect(Collectors.toSet());
    Set<String> fixedKeys = fixed.fixes().stream().map(fix -> JsonView.lastKey(fix.pointer()))
        .collect(Collectors.toSet());
    List<String> a = List.of(fixed.source().text().split("\n", -1));
    List<String> b = List.of(fixed.newText().split("\n", -1));
    for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
      int removed = delta.getSource().getLines().size();
      int added = delta.getTarget().getLines().size();
      assertThat(added).as("%s: no line is removed (%s)", name, delta).isGreaterThanOrEqualTo(removed);
      for (int i = 0; i < removed; i++) {
        int line = delta.getSource().getPosition() + i + 1;
        assertThat(fixLines).as("%s: line %d changed (%s) but no fix is on it", name, line, delta).contains(line);
      }
      for (String inserted : delta.getTarget().getLines().subList(removed, added)) {
        String entry = inserted.strip();
        assertThat(fixedKeys.stream().anyMatch(key -> entry.startsWith(key + ":")))
            .as("%s: an added line is a fixed key's local entry: %s", name, inserted).isTrue();
      }
    }
  }

  /** The data Grafana reads, unit by unit, differs only at the fixed pointers (a renamed key: at its new name too). */
  private static void assertOnlyFixedDataDiffers(String name, MigrationResult fixed) {
    SourceFile before = SOURCES.read(fixed.source());
    SourceFile after = SOURCES.read(SourceText.of(name, fixed.newText()));
    if (before.isPlain()) {
      assertThat(after.isPlain()).as(name).isTrue();
      assertDiffersOnlyAt(name, ReadBack.grafanaView(before.plain()), ReadBack.grafanaView(after.plain()),
          fixed.fixes().stream().map(Fix::pointer).collect(Collectors.toSet()));
      return;
    }
    assertThat(after.units()).as(name).hasSameSizeAs(before.units());
    for (int i = 0; i < before.units().size(); i++) {
      Unit unit = before.units().get(i);
      Set<String> pointers = new HashSet<>();
      for (Fix fix : fixed.fixes()) {
        if (unit.describe(fix.pointer()).equals(fix.path())) {
          pointers.add(fix.pointer());
        }
      }
      assertDiffersOnlyAt(name + " " + unit.where(), ReadBack.grafanaView(unit.file()),
          ReadBack.grafanaView(after.units().get(i).file()), pointers);
    }
  }

  private static void assertDiffersOnlyAt(String name, Object before, Object after, Set<String> fixed) {
    List<String> changed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    diff("", before, after, changed, added);
    for (String pointer : changed) {
      assertThat(fixed).as("%s: the data at %s changed, but no fix is there", name, pointer).contains(pointer);
    }
    Set<String> renamedIn = changed.stream().map(CorpusFixTest::parent).collect(Collectors.toSet());
    for (String pointer : added) {
      if (!fixed.contains(pointer)) {
        assertThat(renamedIn).as("%s: %s appeared, but no key of its map was renamed", name, pointer)
            .contains(parent(pointer));
      }
    }
  }

  /** Collects the pointers whose values differ or are gone ({@code changed}) and those that are new ({@code added}). */
  private static void diff(String pointer, Object a, Object b, List<String> changed, List<String> added) {
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      for (Map.Entry<?, ?> entry : x.entrySet()) {
        String at = JsonView.pointer(pointer, String.valueOf(entry.getKey()));
        if (y.containsKey(entry.getKey())) {
          diff(at, entry.getValue(), y.get(entry.getKey()), changed, added);
        } else {
          changed.add(at);
        }
      }
      for (Object key : y.keySet()) {
        if (!x.containsKey(key)) {
          added.add(JsonView.pointer(pointer, String.valueOf(key)));
        }
      }
    } else if (a instanceof List<?> x && b instanceof List<?> y && x.size() == y.size()) {
      for (int i = 0; i < x.size(); i++) {
        diff(pointer + "/" + i, x.get(i), y.get(i), changed, added);
      }
    } else if (!Objects.equals(a, b)) {
      changed.add(pointer);
    }
  }

  private static String parent(String pointer) {
    return pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
  }
}

// The peer of `promshift migrate --to amazon --out OUT IN` for .ci/bench-cli (issue 16): the same edit done with
// eemeli's `yaml` (npm package `yaml`, 2.x) on Node.js, the fastest other tool here that edits YAML keeping
// comments. Usage: node migrate-amazon.mjs IN OUT   (`yaml` must be in a node_modules folder beside or above
// this file: ESM imports ignore NODE_PATH; .ci/bench-cli installs it into a scratch folder and copies this there).
//
// For every regular *.yaml / *.yml file under IN (case-sensitive, as Grafana and promshift match them; symbolic
// links to folders are not walked), in lexical order: parse every document (parseAllDocuments: comments kept),
// and for each data source under `datasources:` whose `type` is `prometheus` and whose `jsonData.sigV4Auth` is
// true, set `type: grafana-amazonprometheus-datasource` and add `jsonData.prometheus-type-migration: true`
// (what promshift writes for --to amazon). Every file is written to the same relative path under OUT, changed or
// not (like --out): an unchanged file byte for byte, a changed one as `yaml` prints its documents again.
//
// It is the LOWER BOUND of "an editor that keeps comments", not an equivalent of promshift:
// - `yaml` re-prints a changed file from its tree: comments stay, but quoting, indentation, flow style, blank
//   lines and line ends can change; promshift changes only the bytes of the edit and keeps every other byte;
// - no verification: promshift reads the result again and proves it is the original data plus the edit;
// - Grafana's reading is modelled only as far as merge keys (`<<: *aws`, `yaml`'s merge option) and aliases
//   (`jsonData: *aws`: the anchored map is edited, once); not go-yaml v3's scalars (`sigV4Auth: "true"`, `True`,
//   `yes`), duplicate keys, several documents (Grafana reads the first), the v0 keys (`json_data`), `type:
//   Prometheus`, data sources already migrated or half-migrated, a version to raise: promshift decides each as
//   Grafana would, and refuses what it cannot change safely; the peer only looks at `true` and `prometheus`;
// - no embedded files (Helm values, Kubernetes ConfigMaps with a provisioning file in a string), no templated
//   files, no report, no diff, no per-file error report (a file `yaml` cannot parse is copied unchanged);
// - one thread (Node.js); promshift uses one worker per core.
import { parseAllDocuments, isAlias, isMap, isSeq } from 'yaml';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node migrate-amazon.mjs IN OUT');
  process.exit(2);
}

const AMAZON = 'grafana-amazonprometheus-datasource';
let files = 0;
let changedFiles = 0;
let changedSources = 0;
let unparsed = 0;

function migrate(text) {
  const docs = parseAllDocuments(text, { merge: true }); // comments are kept on the nodes by default
  if (!Array.isArray(docs) || docs.some((doc) => doc.errors.length > 0)) {
    unparsed++;
    return null;
  }
  let changed = 0;
  for (const doc of docs) {
    const sources = isMap(doc.contents) ? doc.get('datasources', true) : undefined;
    if (!isSeq(sources)) continue;
    for (const source of sources.items) {
      if (!isMap(source) || source.get('type') !== 'prometheus') continue;
      let jsonData = source.get('jsonData', true);
      if (isAlias(jsonData)) jsonData = jsonData.resolve(doc); // `jsonData: *aws`: the anchored map is edited
      // sigV4Auth as the data reads, merge keys applied (`<<: *aws`, as the bundled samples write it)
      if (!isMap(jsonData) || jsonData.toJS(doc, { maxAliasCount: -1 })?.sigV4Auth !== true) continue;
      source.set('type', AMAZON);
      // once per map: an anchored map shared by several sources (through an alias) gets the flag once
      if (!jsonData.has('prometheus-type-migration')) jsonData.set('prometheus-type-migration', true);
      changed++;
    }
  }
  if (changed === 0) return null;
  changedSources += changed;
  return docs.map((doc) => doc.toString()).join('');
}

function walk(dir, relative) {
  let made = false; // the output folder, made once, and only for a folder that holds a file
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const from = join(dir, entry.name);
    const rel = relative ? join(relative, entry.name) : entry.name;
    if (entry.isDirectory()) {
      walk(from, rel);
    } else if (entry.isFile() && (entry.name.endsWith('.yaml') || entry.name.endsWith('.yml'))) {
      const bytes = readFileSync(from);
      const edited = migrate(bytes.toString('utf8'));
      const target = join(output, rel);
      if (!made) {
        mkdirSync(join(output, relative), { recursive: true });
        made = true;
      }
      const temp = join(output, relative, '.' + entry.name + '.tmp'); // a temp file and a rename, as --out
      writeFileSync(temp, edited === null ? bytes : edited);
      renameSync(temp, target);
      files++;
      if (edited !== null) changedFiles++;
    }
  }
}

walk(input, '');
console.error(`${files} files, ${changedFiles} changed (${changedSources} data sources), ${unparsed} not parsed`);

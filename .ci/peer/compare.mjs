// For .ci/bench-cli: compares the peer's output folder with promshift's, file by file, and says how they differ:
// "same bytes", "same data" (the peer re-printed the file: formatting differs, the data is the same) or "data"
// (the edits differ: a data source one of them migrated and the other did not). The data is compared as `yaml`
// reads it with merge keys on (close to go-yaml v3's reading, not equal to it). Usage: node compare.mjs A B
import { parseAllDocuments } from 'yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [a, b] = process.argv.slice(2);
const counts = { 'same bytes': 0, 'same data': 0, data: 0 };
const differing = [];
function data(text) {
  try {
    return JSON.stringify(parseAllDocuments(text, { merge: true }).map((doc) => doc.toJS({ maxAliasCount: -1 })));
  } catch (e) {
    return 'unreadable: ' + e.message;
  }
}
function walk(rel) {
  for (const entry of readdirSync(join(a, rel), { withFileTypes: true })) {
    const path = join(rel, entry.name);
    if (entry.isDirectory()) {
      walk(path);
      continue;
    }
    const x = readFileSync(join(a, path));
    let y;
    try {
      y = readFileSync(join(b, path));
    } catch {
      differing.push(`${path}: missing in ${b}`);
      counts.data++;
      continue;
    }
    const kind = x.equals(y) ? 'same bytes' : data(x.toString('utf8')) === data(y.toString('utf8')) ? 'same data' : 'data';
    counts[kind]++;
    if (kind !== 'same bytes') differing.push(`${path}: ${kind}`);
  }
}
walk('');
console.log(JSON.stringify(counts));
for (const line of differing.sort()) console.log(line);

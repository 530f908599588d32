// Fidelity of docsdk on every page of ../shared/corpus2 (not part of the suite: it needs
// ../shared). For each flavor and API: `docsdk parse PAGE --openapi` (the built CLI), then
// `score-spec.mjs` against the true spec; prints one row per API with each flavor's
// visible-facts fidelity and operations found.
// Usage (from the project folder, after `npm run build`):
//   node test/support/corpus2-fidelity.mjs [--corpus ../shared/corpus2] [--flavor markdown ...]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const value = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const corpus = path.resolve(value('--corpus', '../shared/corpus2'));
const flavors = args.includes('--flavor') ? args.filter((a, i) => args[i - 1] === '--flavor') : ['markdown', 'markdown-zh', 'html'];
const scorer = path.join(corpus, '..', 'tools', 'score-spec.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'docsdk-corpus2-'));

const rows = [];
console.log(`| API | ${flavors.join(' | ')} |`);
console.log(`| --- | ${flavors.map(() => '---').join(' | ')} |`);
try {
  for (const id of readdirSync(path.join(corpus, 'specs')).map((f) => f.replace(/\.json$/, '')).sort()) {
    const row = [id];
    for (const flavor of flavors) {
      const dir = path.join(corpus, flavor, id);
      const page = path.join(dir, readdirSync(dir).find((f) => f.startsWith('index.')));
      const out = path.join(work, `${flavor}-${id}.json`);
      try {
        execFileSync(process.execPath, ['dist/cli/cli.js', 'parse', page, '--openapi', out], { stdio: 'ignore' });
      } catch {
        // exit 1 on warnings or errors: the document is written all the same
      }
      const report = JSON.parse(execFileSync(process.execPath, [scorer, out, path.join(corpus, 'specs', `${id}.json`), '--flavor', flavor, '--json'], { encoding: 'utf8' }));
      const [ok, n] = [report.fidelity.ok, report.fidelity.n];
      const [found, ops] = report.tally['op.found'] ?? [0, 0];
      row.push(`${((100 * ok) / Math.max(1, n)).toFixed(2)}% (${ok}/${n}) ops ${found}/${ops}`);
    }
    rows.push(row);
    console.log(`| ${row.join(' | ')} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

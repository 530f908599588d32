// npm run bench:scale [pages-folder] [--sizes 500,1000,5000] [--runs N]
//
// docsdk generate on synthetic corpora of growing size (renamed copies of the folder's pages,
// see synthetic.mjs): time and peak RSS per size, and per page, to show how both grow.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureNode, summarize } from './measure.mjs';
import { writeSyntheticCorpus } from './synthetic.mjs';
import { markdownTable, megabytes, seconds } from './table.mjs';
import { CLI, docsdkGenerate, REPO } from './tools.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { sizes: { type: 'string', default: '500,1000,5000' }, runs: { type: 'string', default: '1' } },
});
const source = resolve(positionals[0] ?? join(REPO, '..', 'shared', 'corpus', 'zh', 'vitepress'));
if (!existsSync(source)) throw new Error(`${source}: no such folder; name a folder of doc pages`);
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), 'docsdk-scale-'));
const loadBefore = loadavg().map((n) => n.toFixed(2)).join(' ');

// The structure names to rename come from docsdk's own reading of the source pages.
const modelFile = join(work, 'model.json');
await measureNode([CLI, 'parse', source, '--out', modelFile], { exitCodes: [0, 1] });
const structureNames = Object.keys(JSON.parse(readFileSync(modelFile, 'utf8')).structures);

const rows = [];
for (const size of sizes) {
  const pages = join(work, `pages-${size}`);
  writeSyntheticCorpus({ source, target: pages, count: size, structureNames });
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const dir = join(work, `run-${size}-${run}`);
    mkdirSync(dir);
    samples.push(await measureNode(docsdkGenerate(pages, join(dir, 'sdk')), { cwd: dir }));
    rmSync(dir, { recursive: true, force: true });
  }
  const report = JSON.parse(samples.at(-1).stdout);
  const s = summarize(samples);
  rows.push([
    String(size),
    `${report.counts.operations} / ${report.counts.structures}`,
    seconds(s.medianMs),
    megabytes(s.rssMb),
    `${(s.medianMs / size).toFixed(1)} ms`,
    `${((s.rssMb * 1024) / size).toFixed(0)} KB`,
    `${report.stages.parse} / ${report.stages.emit} / ${report.stages.typecheck} ms`,
  ]);
  rmSync(pages, { recursive: true, force: true });
}
const loadAfter = loadavg().map((n) => n.toFixed(2)).join(' ');

console.log(`## docsdk generate at scale: synthetic corpora from ${source}\n`);
console.log(`${runs} run(s) per size (median); Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}; load average ${loadBefore} before, ${loadAfter} after.\n`);
console.log(markdownTable(['pages', 'operations / structures', 'time', 'peak RSS', 'time per page', 'RSS per page', 'parse / emit / type-check tail'], rows));
rmSync(work, { recursive: true, force: true });

// npm run bench [pages-folder] [--runs N] [--json FILE] [--keep]
//
// Times docsdk generate on a folder of doc pages and, in the same run and interleaved round
// by round, @hey-api/openapi-ts and openapi-typescript on the openapi.json docsdk recovers
// from the same pages; then the incremental case. Prints Markdown tables.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { incrementalRuns } from './incremental.mjs';
import { runtimeSize } from './runtime-size.mjs';
import { measureNode, median, summarize } from './measure.mjs';
import { markdownTable, megabytes, ratio, seconds } from './table.mjs';
import { docsdkGenerate, docsdkOpenApi, peers, REPO } from './tools.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '5' }, json: { type: 'string' }, keep: { type: 'boolean', default: false } },
});
const DEFAULT_PAGES = join(REPO, '..', 'shared', 'corpus', 'zh', 'vitepress');
const pagesDir = resolve(positionals[0] ?? DEFAULT_PAGES);
if (!existsSync(pagesDir)) throw new Error(`${pagesDir}: no such folder; name a folder of doc pages`);
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), 'docsdk-bench-'));
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const loadBefore = load();

// The spec the peers read: what docsdk recovered from these pages (exit 1 only means the pages had errors).
const spec = join(work, 'openapi.json');
await measureNode(docsdkOpenApi(pagesDir, spec), { exitCodes: [0, 1] });

const tools = [
  { name: 'docsdk generate', run: (dir) => measureNode(docsdkGenerate(pagesDir, join(dir, 'sdk')), { cwd: dir }) },
  ...peers.map((peer) => ({ name: peer.name, run: (dir) => measureNode(peer.args(spec, join(dir, 'out')), { cwd: dir }) })),
];
const samples = tools.map(() => []);
// Round 0 warms the file cache and is not counted; then every tool once per round, so each
// sees the same state of the machine.
for (let round = 0; round <= runs; round++) {
  for (const [i, tool] of tools.entries()) {
    // A fresh folder per run: docsdk starts with no cache, as a first run does.
    const dir = join(work, `round-${round}-tool-${i}`);
    mkdirSync(dir);
    const sample = await tool.run(dir);
    if (round > 0) samples[i].push(sample);
    rmSync(dir, { recursive: true, force: true });
  }
}
const incremental = await incrementalRuns(pagesDir, runs, join(work, 'incremental'));
const loadAfter = load();

const reports = samples[0].map((s) => JSON.parse(s.stdout));
const first = reports[0];
const summaries = samples.map(summarize);
const docsdk = summaries[0];
const rows = tools.map((tool, i) => {
  const s = summaries[i];
  return [tool.name, seconds(s.medianMs), `${seconds(s.minMs)} – ${seconds(s.maxMs)}`, megabytes(s.rssMb), i ? ratio(docsdk.medianMs, s.medianMs) : '—'];
});
const changed = summarize(incremental.changed);
const unchanged = summarize(incremental.unchanged);
rows.push(
  ['docsdk generate, one page changed', seconds(changed.medianMs), `${seconds(changed.minMs)} – ${seconds(changed.maxMs)}`, megabytes(changed.rssMb), ''],
  ['docsdk generate, nothing changed', seconds(unchanged.medianMs), `${seconds(unchanged.minMs)} – ${seconds(unchanged.maxMs)}`, megabytes(unchanged.rssMb), ''],
);

// The stages in pipeline order, with what each covers; the warm-up runs on the type check's
// worker thread alongside read and parse, so it is not part of the sum.
const STAGES = [
  ['read', 'find and read the pages, the output folder and the cache'],
  ['parse', 'pages → operations and structures'],
  ['merge', 'one model: merge, infer, overrides'],
  ['emit', 'plan names, render templates, openapi.json'],
  ['format', 'none: the templates lay the code out as written'],
  ['typecheck', 'what is left of the type check after emit'],
  ['write', 'atomic write of the output, and the cache'],
];
const stageMedian = (stage) => median(reports.map((r) => r.stages?.[stage] ?? 0));
const stageRows = STAGES.map(([stage, what]) => [stage, stage in (first.stages ?? {}) ? `${Math.round(stageMedian(stage))} ms` : '—', what]);
const staged = (report) => STAGES.reduce((sum, [stage]) => sum + (report.stages?.[stage] ?? 0), 0);
const reported = median(reports.map((r) => r.ms));
stageRows.push(
  ['rest', `${Math.round(median(reports.map((r) => r.ms - staged(r))))} ms`, 'config, incremental bookkeeping, model JSON'],
  ['start-up and exit', `${Math.round(docsdk.medianMs - reported)} ms`, 'Node, module loading: outside the run report\'s clock'],
  ['typecheck warm-up', `${Math.round(stageMedian('typecheckWarmup'))} ms`, 'compiler and lib files loaded on a worker thread, during read and parse'],
);

console.log(`## docsdk bench: ${first.pages} pages from ${pagesDir}\n`);
console.log(
  `${runs} runs per tool, interleaved; Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}; ` +
    `load average ${loadBefore} before, ${loadAfter} after. Peers read the openapi.json docsdk recovered ` +
    `from the same pages (${first.counts?.operations} operations, ${first.counts?.structures} structures).\n`,
);
console.log(markdownTable(['run', 'median', 'min – max', 'peak RSS (median)', 'docsdk ÷ this'], rows));
console.log(`\nOne page changed: ${incremental.page} (its summary line edited before each run).\n`);
console.log('### docsdk generate, stages (median of the full runs)\n');
console.log(markdownTable(['stage', 'median', 'what'], stageRows));
const runtime = runtimeSize();
console.log('\n### SDK runtime size (src/runtime.ts of every generated SDK)\n');
console.log(
  markdownTable(
    ['TypeScript source', 'JavaScript', 'minified (oxc)', 'minified + gzip', 'budget (minified)'],
    [[runtime.sourceBytes, runtime.javascriptBytes, runtime.minifiedBytes, runtime.gzipBytes, runtime.budgetBytes].map((bytes) => `${bytes} B`)],
  ),
);
if (values.json) {
  writeFileSync(values.json, JSON.stringify({ pagesDir, runs, loadBefore, loadAfter, tools: tools.map((t, i) => ({ name: t.name, ...summaries[i] })), incremental: { page: incremental.page, changed, unchanged }, runtime, reports }, null, 2) + '\n');
}
if (values.keep) console.log(`\n(work folder kept: ${work})`);
else rmSync(work, { recursive: true, force: true });

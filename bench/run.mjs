// npm run bench [source-pages-folder] [--pages N] [--runs N] [--scale N] [--json FILE] [--keep]
//
// One interleaved run: every round times, one after another, docsdk generate on N doc pages
// (default 416: the zh corpus's 249 pages plus renamed copies, see synthetic.mjs), the
// spec-based peers on the openapi.json docsdk recovers from the same pages, and docsdk again
// with one page changed and with nothing changed. Ratios are taken within each round, so every
// pair saw the same state of the machine. Then, with --scale (or DOCSDK_BENCH_SCALE), docsdk on
// a synthetic corpus of that many pages. Prints Markdown tables.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { editedPage } from './incremental.mjs';
import { runtimeSize } from './runtime-size.mjs';
import { measureNode, median, summarize } from './measure.mjs';
import { pagesOf, writeSyntheticCorpus } from './synthetic.mjs';
import { markdownTable, megabytes, ratio, seconds } from './table.mjs';
import { CLI, docsdkGenerate, docsdkOpenApi, peers, REPO } from './tools.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pages: { type: 'string', default: '416' },
    runs: { type: 'string', default: '5' },
    scale: { type: 'string', default: process.env.DOCSDK_BENCH_SCALE ?? '' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const source = resolve(positionals[0] ?? join(REPO, '..', 'shared', 'corpus', 'zh', 'vitepress'));
if (!existsSync(source)) throw new Error(`${source}: no such folder; name a folder of doc pages`);
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), 'docsdk-bench-'));
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const loadBefore = load();

/** A corpus of `count` pages built from the source folder's (renamed copies past its own count). */
async function corpus(count, name) {
  const target = join(work, name);
  const modelFile = join(work, 'source-model.json');
  if (!existsSync(modelFile)) await measureNode([CLI, 'parse', source, '--out', modelFile], { exitCodes: [0, 1] });
  const structureNames = Object.keys(JSON.parse(readFileSync(modelFile, 'utf8')).structures);
  writeSyntheticCorpus({ source, target, count, structureNames });
  return target;
}

const pagesDir = await corpus(Number(values.pages), 'pages');
// The spec the peers read: what docsdk recovered from these pages (exit 1 only means the pages had errors).
const spec = join(work, 'openapi.json');
await measureNode(docsdkOpenApi(pagesDir, spec), { exitCodes: [0, 1] });

// The incremental cases work on their own copy of the pages, with the cache the run before left.
const incrementalPages = join(work, 'incremental-pages');
cpSync(pagesDir, incrementalPages, { recursive: true });
const incrementalOut = join(work, 'incremental-sdk');
const editPage = pagesOf(incrementalPages)[0];
const editOriginal = readFileSync(join(incrementalPages, editPage), 'utf8');
let edit = 0;
const generateIncremental = () => measureNode(docsdkGenerate(incrementalPages, incrementalOut), { cwd: work });
await generateIncremental();

const tools = [
  // A fresh folder per run: docsdk starts with no cache, as a first run does.
  { name: 'docsdk generate', run: (dir) => measureNode(docsdkGenerate(pagesDir, join(dir, 'sdk')), { cwd: dir }) },
  ...peers.map((peer) => ({ name: peer.name, run: (dir) => measureNode(peer.args(spec, join(dir, 'out')), { cwd: dir }) })),
  {
    name: 'docsdk generate, one page changed',
    incremental: true,
    run: () => {
      writeFileSync(join(incrementalPages, editPage), editedPage(editOriginal, ++edit));
      return generateIncremental();
    },
  },
  { name: 'docsdk generate, nothing changed', incremental: true, run: generateIncremental },
];
const samples = tools.map(() => []);
// Round 0 warms the file cache and is not counted.
for (let round = 0; round <= runs; round++) {
  for (const [i, tool] of tools.entries()) {
    const dir = join(work, `round-${round}-tool-${i}`);
    mkdirSync(dir);
    const sample = await tool.run(dir);
    if (round > 0) samples[i].push(sample);
    rmSync(dir, { recursive: true, force: true });
  }
}

// The scale point: docsdk alone on a large synthetic corpus.
const scaleSizes = values.scale ? values.scale.split(',').map(Number) : [];
const scaled = [];
for (const size of scaleSizes) {
  const pages = await corpus(size, `scale-${size}`);
  const dir = join(work, `scale-${size}-run`);
  mkdirSync(dir);
  const run = () => measureNode(docsdkGenerate(pages, join(dir, 'sdk')), { cwd: dir });
  const sample = await run();
  // Then, on the same folder and cache, one page changed and nothing changed.
  const edited = join(pages, pagesOf(pages)[0]);
  writeFileSync(edited, editedPage(readFileSync(edited, 'utf8'), 1));
  const changed = await run();
  scaled.push({ size, sample, changed, unchanged: await run() });
  rmSync(dir, { recursive: true, force: true });
  rmSync(pages, { recursive: true, force: true });
}
const loadAfter = load();

const reports = samples[0].map((s) => JSON.parse(s.stdout));
const first = reports[0];
const summaries = samples.map(summarize);
const docsdk = summaries[0];
const cpu = (ms) => (ms === undefined ? '—' : seconds(ms));
const rss = (mb) => (mb === undefined ? '—' : megabytes(mb));
/** docsdk's time over the tool's, round by round: min, median, max. */
const roundRatios = (i) => {
  const r = samples[0].map((s, round) => s.ms / samples[i][round].ms);
  return `${median(r).toFixed(2)}× (${Math.min(...r).toFixed(2)}–${Math.max(...r).toFixed(2)})`;
};
const rows = tools.map((tool, i) => {
  const s = summaries[i];
  return [
    tool.name,
    seconds(s.medianMs),
    `${seconds(s.minMs)} – ${seconds(s.maxMs)}`,
    cpu(s.cpuMs),
    rss(s.rssMb),
    rss(s.treeRssMb),
    i && !tool.incremental ? roundRatios(i) : '',
  ];
});

// The stages in pipeline order, with what each covers.
const STAGES = [
  ['read', 'find and read the pages, the output folder and the cache'],
  ['parse', 'pages → operations and structures'],
  ['merge', 'one model: merge, infer, overrides'],
  ['evidence', 'docsdk.evidence.json and captures applied (none here)'],
  ['emit', 'plan names, build every view, render the files whose views changed'],
  ['loadcheck', 'the SDK imported on a worker (types stripped) and each client constructed; runs beside the type check, so not counted again below'],
  ['typecheck', 'the native compiler on the staged output; openapi.json and docsdk-model.json are made and staged meanwhile'],
  ['write', 'stage the output (unchanged files hard-linked; from 100 files on, a worker writes the rendered ones while the emitter renders: what is left here is its last batch), swap it in, save the cache'],
];
const stageMedian = (stage) => median(reports.map((r) => r.stages?.[stage] ?? 0));
const stageRows = STAGES.map(([stage, what]) => [stage, stage in (first.stages ?? {}) ? `${Math.round(stageMedian(stage))} ms` : '—', what]);
// The load check overlaps the type check: its time is inside theirs.
const staged = (report) => STAGES.reduce((sum, [stage]) => sum + (stage === 'loadcheck' ? 0 : (report.stages?.[stage] ?? 0)), 0);
const reported = median(reports.map((r) => r.ms));
stageRows.push(
  ['rest', `${Math.round(median(reports.map((r) => r.ms - staged(r))))} ms`, 'config, incremental bookkeeping'],
  ['start-up and exit', `${Math.round(docsdk.medianMs - reported)} ms`, 'Node, module loading: outside the run report\'s clock'],
);

console.log(`## docsdk bench: ${first.pages} pages built from ${source}\n`);
console.log(
  `${runs} rounds, each tool once per round, interleaved; Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}; ` +
    `load average ${loadBefore} before, ${loadAfter} after. Peers read the openapi.json docsdk recovered ` +
    `from the same pages (${first.counts?.operations} operations, ${first.counts?.structures} structures).\n`,
);
console.log(
  markdownTable(['run', 'median', 'min – max', 'CPU (median)', 'peak RSS, largest process (median)', 'peak RSS, process tree (median)', 'docsdk ÷ this, per round: median (min–max)'], rows),
);
const lastChanged = JSON.parse(samples[tools.findIndex((t) => t.name === 'docsdk generate, one page changed')].at(-1).stdout);
console.log(
  `\nOne page changed: ${editPage} (its summary line edited before each run; the cache and output of the run before): ` +
    `${lastChanged.parsed} page parsed, ${lastChanged.emitted?.rendered} files rendered, ${lastChanged.emitted?.reused} taken from the previous output, checks ${lastChanged.emitted?.checks}.\n`,
);
console.log('### docsdk generate, stages (median of the full runs)\n');
console.log(markdownTable(['stage', 'median', 'what'], stageRows));
if (scaled.length) {
  console.log('\n### Scale: docsdk generate on synthetic corpora (one run each, after the rounds)\n');
  const scaleRow = (size, s, report) => [
    String(size),
    `${report.counts.operations} / ${report.counts.structures}`,
    seconds(s.ms),
    cpu(s.cpuMs),
    rss(s.rssMb),
    rss(s.treeRssMb),
    `${((s.rssMb * 1024) / size).toFixed(0)} KB`,
  ];
  const median416 = { ms: docsdk.medianMs, cpuMs: docsdk.cpuMs, rssMb: docsdk.rssMb, treeRssMb: docsdk.treeRssMb };
  console.log(
    markdownTable(
      ['pages', 'operations / structures', 'time', 'CPU', 'peak RSS, largest process', 'peak RSS, process tree', 'RSS per page'],
      [scaleRow(first.pages, median416, first), ...scaled.map(({ size, sample }) => scaleRow(size, sample, JSON.parse(sample.stdout)))],
    ),
  );
  console.log('\nThe same folders again (the cache and output of the run before): one page changed, then nothing changed.\n');
  console.log(
    markdownTable(
      ['pages', 'one page changed', 'CPU', 'peak RSS', 'nothing changed', 'CPU', 'peak RSS'],
      scaled.map(({ size, changed, unchanged }) => [String(size), seconds(changed.ms), cpu(changed.cpuMs), rss(changed.rssMb), seconds(unchanged.ms), cpu(unchanged.cpuMs), rss(unchanged.rssMb)]),
    ),
  );
}
const runtime = runtimeSize();
console.log('\n### SDK runtime size (src/runtime.ts of every generated SDK)\n');
console.log(
  markdownTable(
    ['TypeScript source', 'JavaScript', 'minified (oxc)', 'minified + gzip', 'budget (minified)'],
    [[runtime.sourceBytes, runtime.javascriptBytes, runtime.minifiedBytes, runtime.gzipBytes, runtime.budgetBytes].map((bytes) => `${bytes} B`)],
  ),
);
if (values.json) {
  writeFileSync(
    values.json,
    JSON.stringify(
      {
        source,
        pages: first.pages,
        runs,
        loadBefore,
        loadAfter,
        tools: tools.map((t, i) => ({ name: t.name, ...summaries[i], samples: samples[i].map(({ stdout, ...s }) => s) })),
        scaled: scaled.map(({ size, ...runs }) => ({ size, ...Object.fromEntries(Object.entries(runs).map(([name, { stdout, ...s }]) => [name, s])) })),
        runtime,
        reports,
      },
      null,
      2,
    ) + '\n',
  );
}
if (values.keep) console.log(`\n(work folder kept: ${work})`);
else rmSync(work, { recursive: true, force: true });

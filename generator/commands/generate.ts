import { dirname, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { loadConfig } from '../config/load.js';
import { PROFILE_NAMES } from '../parse/profiles/index.js';
import { diffModels, hasChangeAtLeast, type ChangeLevel } from '../diff/changes.js';
import { MODEL_FILE_NAME } from '../diff/load-side.js';
import { diffToMarkdown } from '../diff/render.js';
import { startTypeCheck } from '../emit/background-check.js';
import { jsonText } from '../emit/escape.js';
import type { EmittedSdk } from '../emit/sdk.js';
import { evidenceOptions, loadEvidenceInput, type EvidenceArgs } from '../evidence/load.js';
import type { Model } from '../model/types.js';
import { loadModel } from '../pipeline.js';
import { countDiagnostics, exitCodeFor, printDiagnostics } from '../report/diagnostics.js';
import { describeFsError } from '../read/inputs.js';
import { OutputFolderError, recoverOutput, writeOutput } from '../write/atomic.js';
import { IncrementalRun } from '../workflow/incremental-run.js';
import { createProgress, progressMode } from '../workflow/progress.js';
import { modelCounts, reportJson, reportLine, type RunReport } from '../workflow/run-report.js';
import { defaultCacheFile } from '../workflow/run-cache.js';
import { watchForChanges, watchTargets } from '../workflow/watch.js';
import { FAIL_ON_LEVELS } from './diff.js';

interface GenerateArgs extends EvidenceArgs {
  inputs?: string[];
  out?: string;
  templates?: string;
  config?: string;
  strict: boolean;
  profile?: string;
  verbose: boolean;
  check: boolean;
  failOn?: ChangeLevel;
  reporter: 'text' | 'json';
  cache: boolean;
  watch: boolean;
}

const fail = (message: string, code: 1 | 2) => {
  process.stderr.write(`docsdk generate: ${message}\n`);
  process.exitCode = code;
};

/** One run: config, fast path when nothing changed, model, SDK, then check, diff and write. */
async function generateOnce(args: GenerateArgs): Promise<void> {
  const start = performance.now();
  const loaded = await loadConfig(args.config);
  if (countDiagnostics(loaded.diagnostics).errors) {
    printDiagnostics(loaded.diagnostics, false);
    process.exitCode = 2;
    return;
  }
  const config = args.profile ? { ...loaded.config, profile: args.profile } : loaded.config;
  const evidence = await loadEvidenceInput(args, config, { mustExist: true });
  if (evidence.diagnostics.length) {
    printDiagnostics(evidence.diagnostics, false);
    return fail('the evidence could not be read: nothing written', 2);
  }
  const inputs = args.inputs?.length ? args.inputs : config.inputs;
  if (!inputs?.length) return fail('no pages: pass them as arguments or set "inputs" in the config', 2);
  const out = args.out ?? config.out;
  if (out === undefined) return fail('no output folder: pass --out DIR or set "out" in the config', 2);
  const strict = args.strict || config.strict === true;
  const templatesDir = args.templates ?? config.templates;
  const json = args.reporter === 'json';
  const progress = createProgress(progressMode(process.stderr, args.reporter));

  // Whatever this run then does (--check, a failure), a write a killed run left half done is
  // finished or undone first, so --out is never found missing or mixed.
  try {
    await recoverOutput(out);
  } catch (error) {
    return fail(`${out}: could not finish or undo an interrupted write: ${describeFsError(error)}`, 1);
  }
  const readStart = performance.now();
  let run: IncrementalRun;
  try {
    run = await IncrementalRun.start({
      inputs,
      out,
      settings: { config, templatesDir, evidence: evidence.fingerprint },
      templatesDir,
      maxPageBytes: config.maxPageBytes,
      cacheFile: args.cache && defaultCacheFile(out),
      progress,
    });
  } catch (error) {
    progress.done();
    if (error instanceof OutputFolderError) return fail(`${error.message}\nnothing written`, 2);
    return fail(`${out}: could not read the output folder: ${describeFsError(error)}\nnothing written`, 1);
  }
  // The run reads the pages (for its fingerprint, and then for the parser), the output folder and the cache.
  const read = performance.now() - readStart;
  const finish = (report: Omit<RunReport, 'out' | 'pages' | 'parsed' | 'ms'>, model?: Model) => {
    progress.done();
    const full: RunReport = { ...report, out, pages: run.pages, parsed: run.parsed, ms: performance.now() - start };
    if (json) process.stdout.write(reportJson(full));
    else process.stderr.write(reportLine(full, model) + '\n');
  };
  if (run.upToDate) {
    process.exitCode = 0;
    return finish({ outcome: 'unchanged' });
  }

  // The compiler loads on another thread while the pages are parsed.
  const typeCheck = startTypeCheck(templatesDir);
  progress.stage('parsing', run.pages);
  const { model, timings } = await loadModel(inputs, { config, configFile: args.config, pageCache: run.pageCache, onPage: run.onPage, read: run.read, evidence: evidence.input });
  progress.stage('generating');
  let sdk: EmittedSdk;
  try {
    // Loaded here, not at start-up: a run that finds nothing changed never needs the emitter.
    const { emitSdk } = await import('../emit/sdk.js');
    sdk = await emitSdk(model, {
      typeCheck,
      templatesDir,
      packageName: config.package?.name,
      packageVersion: config.package?.version,
    });
  } catch (error) {
    progress.done();
    printDiagnostics(model.diagnostics, args.verbose);
    return fail(`${(error as Error).message}\nnothing written`, 1);
  }
  const diagnostics = [...model.diagnostics, ...sdk.diagnostics];
  const reported = { ...model, diagnostics };
  progress.done();
  if (!json) printDiagnostics(diagnostics, args.verbose);
  // Pages that failed are reported and left out; the rest is still generated, unless --strict.
  if (strict && exitCodeFor(diagnostics, true)) {
    finish({ outcome: 'failed', counts: modelCounts(reported) }, reported);
    return fail('errors or warnings (--strict): nothing written', 1);
  }
  const pageErrors = exitCodeFor(diagnostics, false);

  // The model goes along so the next run (and `docsdk diff`) can compare against this release.
  const files = new Map(sdk.files).set(MODEL_FILE_NAME, jsonText(model, 2) + '\n');
  const changed = run.staleFiles(files);
  const counts = modelCounts(reported);
  if (args.check) {
    if (!json) for (const f of changed) process.stdout.write(`${f.change} ${f.path}\n`);
    // A fresh output is recorded, so the next check of the same inputs takes the fast path.
    if (!changed.length) await recordRun(run, files);
    process.exitCode = changed.length ? 1 : 0;
    return finish({ outcome: changed.length ? 'stale' : 'fresh', counts, files: changed }, reported);
  }

  const previous = run.previousModel();
  const api = previous && diffModels(previous, model);
  if (api?.changes.length && !json) process.stdout.write(diffToMarkdown(api));
  if (api && args.failOn && hasChangeAtLeast(api, args.failOn)) {
    // Writing anyway would make the next run compare against this model and pass.
    finish({ outcome: 'failed', counts, files: changed, api }, reported);
    return fail(`public API changes at level "${args.failOn}" or above (--fail-on): nothing written`, 1);
  }
  const writeStart = performance.now();
  try {
    await writeOutput(out, files);
  } catch (error) {
    if (error instanceof OutputFolderError) return fail(`${error.message}\nnothing written`, 2);
    return fail(`${out}: could not write the output: ${describeFsError(error)}\nprevious output left as it was`, 1);
  }
  await recordRun(run, files);
  const stages = Object.fromEntries(
    Object.entries({ read, ...timings, ...sdk.timings, write: performance.now() - writeStart }).map(([stage, ms]) => [stage, Math.round(ms)]),
  );
  if (args.verbose && !json) {
    const breakdown = Object.entries(stages).map(([stage, ms]) => `${stage} ${ms} ms`);
    process.stderr.write(`docsdk: stages: ${breakdown.join(', ')}\n`);
  }
  process.exitCode = pageErrors;
  if (pageErrors) process.stderr.write('docsdk generate: some pages failed (above); the SDK was generated from the rest\n');
  finish({ outcome: 'written', counts, files: changed, ...(api && { api }), stages }, reported);
}

/** Saves the run cache; a cache that cannot be written (a full or read-only disk) costs the next run its shortcut, nothing else. */
async function recordRun(run: IncrementalRun, files: ReadonlyMap<string, string>): Promise<void> {
  try {
    await run.record(files);
  } catch (error) {
    process.stderr.write(`${run.cacheFile ?? 'run cache'}: warning: the run cache was not saved: ${describeFsError(error)}; the next run parses every page again\n`);
  }
}

export const generateCommand: CommandModule<object, GenerateArgs> = {
  command: 'generate [inputs..]',
  describe: 'Generate the TypeScript SDK (and openapi.json) from doc pages into --out; the old output stays until the new one is complete',
  builder: (y) =>
    y
      .positional('inputs', { type: 'string', array: true, describe: 'Pages: files, folders (recursive) and globs (default: the config\'s "inputs")' })
      .option('out', { type: 'string', describe: 'Output folder, replaced as a whole (default: the config\'s "out")' })
      .option('templates', { type: 'string', describe: 'Folder of .hbs files replacing the default templates of the same name' })
      .option('config', { type: 'string', describe: 'docsdk.config.json to use' })
      .options(evidenceOptions)
      .option('strict', { type: 'boolean', default: false, describe: 'Fail (and write nothing) on any warning too' })
      .option('profile', { type: 'string', choices: PROFILE_NAMES, describe: 'Read every page with this page profile (default: detected per page; the config\'s "profile")' })
      .option('verbose', { type: 'boolean', default: false, describe: 'Print notes (info diagnostics) and stage timings too' })
      .option('check', { type: 'boolean', default: false, describe: 'Write nothing; exit 1 and list the files that would change if the output is stale' })
      .option('fail-on', { choices: FAIL_ON_LEVELS, describe: 'Exit 1 and write nothing when the public API changed at this level or above since the last run' })
      .option('reporter', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'json: one JSON report on stdout, no progress' })
      .option('cache', { type: 'boolean', default: true, describe: 'Reuse unchanged pages and skip unchanged runs (--no-cache: a clean run)' })
      .option('watch', { type: 'boolean', default: false, describe: 'Regenerate whenever a page, the config or a template changes' }) as never,
  handler: async (args) => {
    await generateOnce(args);
    if (!args.watch) return;
    const loaded = await loadConfig(args.config);
    const out = resolve(args.out ?? loaded.config.out ?? '.');
    const extra = [loaded.file, args.templates ?? loaded.config.templates].filter((p): p is string => p !== undefined);
    const targets = await watchTargets(args.inputs?.length ? args.inputs : (loaded.config.inputs ?? []), extra);
    process.stderr.write(`docsdk: watching ${targets.length} paths; Ctrl-C to stop\n`);
    const stop = watchForChanges(targets, [out, dirname(defaultCacheFile(out))], () => generateOnce(args));
    process.once('SIGINT', () => {
      stop();
      process.exit(process.exitCode ?? 0);
    });
  },
};

import { loadConfig } from '../config/load.js';
import { DEFAULT_MAX_REMOVED_SHARE } from '../config/types.js';
import type { ChangeLevel } from '../diff/changes.js';
import { MODEL_FILE_NAME } from '../diff/model-file.js';
import type { ModelFile } from '../diff/model-file-parts.js';
import type { OpenApiFileIndex } from '../openapi/file.js';
import type { EmittedSdk } from '../emit/sdk.js';
import { loadEvidenceInput, type EvidenceArgs } from '../evidence/load.js';
import type { Diagnostic } from '../model/types.js';
import { countDiagnostics, exitCodeFor } from '../report/diagnostics.js';
import { describeFsError } from '../read/fs-error.js';
import { sampleCpu } from '../parse/idle-cores.js';
import { beginOutput, OutputFolderError, recoverOutput, STREAM_MIN_FILES, warmStageWorker, writeOutput, type FileContent } from '../write/atomic.js';
import { IncrementalRun, type WrittenOutput } from '../workflow/incremental-run.js';
import { createProgress, progressMode } from '../workflow/progress.js';
import { modelCounts, printReport, replayed, type RunReport, type RunResult } from '../workflow/run-report.js';
import { defaultCacheFile } from '../workflow/run-cache.js';
import { removedOperations } from '../workflow/shrink-guard.js';
import { missingInputs, usageError } from './usage-error.js';

export interface GenerateArgs extends EvidenceArgs {
  inputs?: string[];
  out?: string;
  templates?: string;
  config?: string;
  strict: boolean;
  profile?: string;
  verbose: boolean;
  check: boolean;
  failOn?: ChangeLevel;
  allowShrink: boolean;
  maxRemovedShare?: number;
  reporter: 'text' | 'json';
  cache: boolean;
  watch: boolean;
}

/** One run: config, replay when nothing changed, model, SDK, then the gates (strict, check, shrink, fail-on) and write. */
async function generateOnce(args: GenerateArgs): Promise<void> {
  const start = performance.now();
  // The parse sizes its workers by the CPU other processes leave free from now on.
  const cpuAtStart = sampleCpu();
  const json = args.reporter === 'json';
  let out: string | undefined;
  /** Pages this run parsed, once the model is built. */
  let parsedPages: number | undefined;
  const report = (result: RunResult, run?: IncrementalRun, extra: Partial<RunReport> = {}) => {
    const full: RunReport = {
      reportVersion: 1,
      command: 'generate',
      ...(out !== undefined && { out }),
      pages: run?.pages ?? 0,
      parsed: parsedPages ?? 0,
      replayed: false,
      ...result,
      ...extra,
      ms: performance.now() - start,
    };
    printReport(full, { json, verbose: args.verbose });
    process.exitCode = result.exitCode;
  };

  const loaded = await loadConfig(args.config);
  if (countDiagnostics(loaded.diagnostics).errors) return report(usageError(loaded.diagnostics, 'the config has errors: nothing done'));
  const config = args.profile ? { ...loaded.config, profile: args.profile } : loaded.config;
  const evidence = await loadEvidenceInput(args, config, { mustExist: true });
  if (evidence.diagnostics.length) return report(usageError(evidence.diagnostics, 'the evidence could not be read: nothing written'));
  const inputs = args.inputs?.length ? args.inputs : config.inputs;
  out = args.out ?? config.out;
  if (!inputs?.length) return report(usageError([], 'no pages: pass them as arguments or set "inputs" in the config'));
  if (out === undefined) return report(usageError([], 'no output folder: pass --out DIR or set "out" in the config'));
  const strict = args.strict || config.strict === true;
  const maxRemovedShare = args.maxRemovedShare ?? config.maxRemovedShare ?? DEFAULT_MAX_REMOVED_SHARE;
  if (!(maxRemovedShare >= 0 && maxRemovedShare <= 1)) return report(usageError([], '--max-removed-share must be a number from 0 to 1'));
  const templatesDir = args.templates ?? config.templates;
  const progress = createProgress(progressMode(process.stderr, args.reporter));
  const crashed = (reason: string, code: 1 | 2): RunResult => ({ outcome: code === 2 ? 'usage-error' : 'failed', exitCode: code, diagnostics: [], reason });

  // Whatever this run then does (--check, a failure), a write a killed run left half done is
  // finished or undone first, so --out is never found missing or mixed.
  try {
    await recoverOutput(out);
  } catch (error) {
    return report(crashed(`${out}: could not finish or undo an interrupted write: ${describeFsError(error)}`, 1));
  }
  const readStart = performance.now();
  let run: IncrementalRun;
  try {
    run = await IncrementalRun.start({
      inputs,
      out,
      fingerprint: {
        config: { ...config, templates: templatesDir },
        flags: { strict, check: args.check, failOn: args.failOn ?? null, allowShrink: args.allowShrink, maxRemovedShare },
        evidence: evidence.fingerprint,
      },
      templatesDir,
      maxPageBytes: config.maxPageBytes,
      cacheFile: args.cache && defaultCacheFile(out),
      progress,
    });
  } catch (error) {
    progress.done();
    if (error instanceof OutputFolderError) return report(crashed(`${error.message}\nnothing written`, 2));
    return report(crashed(`${out}: could not read the output folder: ${describeFsError(error)}\nnothing written`, 1));
  }
  // The run reads the pages (for its fingerprint, and then for the parser), the output folder and the cache.
  const read = performance.now() - readStart;
  // A typo in an input must not replace the SDK with one made of the other inputs (or of nothing).
  if (run.read.missing.length) {
    return report(usageError(missingInputs(run.read.missing), 'an input matches no page: nothing done'), run);
  }
  const previous = run.previousResult;
  if (previous) {
    // A record that cannot be refreshed (a read-only disk) stays as it was: the next run reads
    // those files again, as this one did, and ends the same.
    await run.refreshSignatures().catch(() => undefined);
    return report(replayed(previous), run, { replayed: true });
  }
  /** Ends the run, remembering how (so an identical rerun replays it); `written`: the output it wrote. */
  const finish = async (result: RunResult, extra: Partial<RunReport> = {}, written?: WrittenOutput) => {
    progress.done();
    const notSaved = await recordRun(run, result, written);
    report(notSaved ? { ...result, diagnostics: [...result.diagnostics, notSaved] } : result, run, extra);
  };

  progress.stage('parsing', run.pages);
  // Loaded here, not at start-up, like the emitter below: a replayed or refused run never parses.
  const { loadModel } = await import('../pipeline.js');
  // Into an empty output folder every file the emitter renders is written: about two a page of
  // GenAuth's. Past STREAM_MIN_FILES a worker writes them while the rest are rendered (atomic.ts),
  // started now so that it has booted (beside the parse) by the first. Unlike the parse's
  // workers it is not kept to a core other processes leave free: where it shares one, what it
  // writes is time taken from the emitter, but no more than this thread would take to write it
  // (416 pages, medians of alternated runs, the emitter and the write with it against without:
  // load 4.4, 583 ms against 793 (16 runs); load 3.9, 541 against 535 (10); load 1.6-3.2, 563
  // against 555 (12)).
  if (!args.check && run.onDisk.size === 0 && run.pages * 2 >= STREAM_MIN_FILES) warmStageWorker();
  const { model, timings, parsed } = await loadModel(inputs, { config, configFile: args.config, pageCache: await run.pageCache(), onPage: run.onPage, read: run.read, evidence: evidence.input, cpuSince: cpuAtStart });
  parsedPages = parsed;
  const modelCounted = modelCounts(model);
  const failed = (diagnostics: Diagnostic[], reason: string, more: Partial<RunResult> = {}): RunResult => ({
    outcome: 'failed',
    exitCode: 1,
    diagnostics,
    counts: modelCounts({ ...model, diagnostics }),
    reason,
    ...more,
  });
  // Nothing is emitted that would be thrown away.
  if (strict && exitCodeFor(model.diagnostics, true)) {
    return finish(failed(model.diagnostics, 'errors or warnings (--strict): nothing written'));
  }
  if (modelCounted.operations === 0 && modelCounted.errors > 0 && !args.allowShrink) {
    return finish(failed(model.diagnostics, 'every page failed: nothing written (--allow-shrink writes an SDK without operations)'));
  }

  // Loaded here, not at start-up: a replayed or refused run never makes the documents.
  const [{ ModelFile }, { openApiFile }] = await Promise.all([import('../diff/model-file-parts.js'), import('../openapi/file.js')]);
  // The model file, made once: the previous one is read against it, then it is hashed and written as these bytes.
  let madeModelFile: ModelFile | undefined;
  const currentModelFile = (previous?: Buffer) => (madeModelFile ??= new ModelFile(model, previous));
  const before = await run.previousModel(currentModelFile);
  const removed = before ? removedOperations(before, model) : undefined;
  if (removed && removed.share > maxRemovedShare && !args.allowShrink && !args.check) {
    const guard: Diagnostic = {
      severity: 'error',
      code: 'output.shrink',
      message: `would remove ${removed.removed.length} of the ${removed.before} operations of the previous output (${Math.round(removed.share * 100)}%, more than maxRemovedShare ${maxRemovedShare}): ${removed.removed.slice(0, 5).join(', ')}${removed.removed.length > 5 ? ', …' : ''}`,
      file: out,
    };
    return finish(failed([...model.diagnostics, guard], 'the output would lose too many operations: nothing written (--allow-shrink writes anyway)'));
  }
  // Diffed before anything else reads the model: the previous model holds the new one's own
  // objects where a part is unchanged (model-file-parts.ts), so a change made to the model
  // later would be on both sides. --check reports no API change.
  const { diffModels, hasChangeAtLeast } = await import('../diff/changes.js');
  const api = before && !args.check ? diffModels(before, model) : undefined;
  const refusedByFailOn = api !== undefined && args.failOn !== undefined && hasChangeAtLeast(api, args.failOn);
  // A run that may write begins the write now: the emitter's files are staged as they are
  // rendered (a worker writes them), so the compiler can start on them soon after the last.
  // Whatever the run then decides (--strict on the emitter's warnings, an emitter that throws),
  // the staged folder goes unless it is swapped in.
  const write = args.check || refusedByFailOn ? undefined : await beginOutput(out);
  progress.stage('generating');
  // Loaded here, not at start-up, like the emitter: a replayed or refused run never checks or writes an SDK.
  const [{ checkStagedFolder, SdkTypeError, startTypeCheck }, { SdkLoadError }] = await Promise.all([import('../emit/type-check.js'), import('../emit/load-check.js')]);
  let sdk: EmittedSdk;
  try {
    // Loaded here, not at start-up: a run that replays the last one never needs the emitter.
    const { emitSdk } = await import('../emit/sdk.js');
    sdk = await emitSdk(model, {
      // A run that writes is type-checked and load-checked on its staged output, before the swap (below).
      typeCheck: args.check ? startTypeCheck() : false,
      loadCheck: args.check ? true : 'deferred',
      openApi: 'deferred',
      // The previous output passed the checks (nothing is written otherwise): files rendered from
      // the same views are taken from it, and where the SDK compiles the same, its checks stand.
      previous: run.previousSdk(),
      compiledTemplates: run.compiledTemplates,
      templatesDir,
      packageName: config.package?.name,
      packageVersion: config.package?.version,
      // A file that is on disk with this very content is linked at the write, not written.
      onFile: write && ((path, text, hash) => run.onDisk.get(path) !== hash && write.add(path, text)),
    });
  } catch (error) {
    await write?.abandon();
    // Not recorded: a crash is not an outcome to replay.
    progress.done();
    return report(failed(model.diagnostics, `${(error as Error).message}\nnothing written`), run);
  }
  const diagnostics = [...model.diagnostics, ...sdk.diagnostics];
  const counts = modelCounts({ ...model, diagnostics });
  if (strict && exitCodeFor(diagnostics, true)) {
    await write?.abandon();
    return finish(failed(diagnostics, 'errors or warnings (--strict): nothing written'));
  }
  // Pages that failed are reported and left out; the rest is still generated.
  const pageErrors = exitCodeFor(diagnostics, false);

  // openapi.json, and the model, which goes along so the next run (and `docsdk diff`) can
  // compare against this release: the largest files and read by no check, made once when first
  // needed (a run that writes makes them while the compiler checks the staged output). Each as
  // its UTF-8 bytes, made once, hashed and written as they are.
  let documents: { files: Map<string, Buffer>; hashes: Map<string, string>; openApiIndex?: OpenApiFileIndex } | undefined;
  const madeDocuments = () => {
    if (!documents) {
      const saved = currentModelFile();
      // Indexed for the next run (which only a run that writes and keeps a cache records): beside the compiler.
      const indexed = run.cacheFile !== undefined && !args.check;
      const openApi = openApiFile({ model, document: sdk.openApiDocument!, previous: run.previousOpenApi(), same: saved.same, modelSha256: indexed ? saved.sha256 : undefined });
      documents = {
        files: new Map([['openapi.json', openApi.bytes], [MODEL_FILE_NAME, saved.bytes]]),
        hashes: new Map([['openapi.json', openApi.sha256], [MODEL_FILE_NAME, saved.sha256]]),
        openApiIndex: openApi.index,
      };
      if (indexed) saved.index();
    }
    return documents;
  };
  /** The sha256 of every file of the output, and the files on disk it would add, change or remove. */
  const output = () => {
    const made = madeDocuments();
    const hashes = new Map([...sdk.hashes, ...made.hashes]);
    return { hashes, changed: run.staleFiles(new Map<string, FileContent>([...sdk.files, ...made.files]), hashes) };
  };
  if (args.check) {
    const { changed } = output();
    const stale = changed.length > 0;
    return finish({ outcome: stale ? 'stale' : 'fresh', exitCode: stale ? 1 : pageErrors, diagnostics, counts, files: changed });
  }

  if (refusedByFailOn) {
    // Writing anyway would make the next run compare against this model and pass.
    return finish(failed(diagnostics, `public API changes at level "${args.failOn}" or above (--fail-on): nothing written`, { files: output().changed, api }));
  }
  const writeStart = performance.now();
  let typecheck = 0;
  /** How long the checks of the staged output took together (they overlap): not part of the write. */
  let checking = 0;
  const check = async (staged: string) => {
    if (sdk.checkStands) return;
    const started = performance.now();
    // The compiler (a process of its own) and the load check (a scan on this thread, a transpile-only compiler run, a worker) run side by side; a type error is reported first.
    const compiled = checkStagedFolder(staged).finally(() => (typecheck = performance.now() - started));
    const loaded = sdk.loadCheck?.();
    const [types, loads] = await Promise.allSettled([compiled, loaded]);
    checking = performance.now() - started;
    if (types.status === 'rejected') throw types.reason;
    if (loads.status === 'rejected') throw loads.reason;
  };
  // A file that is on disk with this very content is linked into the staged output, not written.
  const onDisk = (hashes: ReadonlyMap<string, string>) => new Set([...hashes].filter(([path, hash]) => run.onDisk.get(path) === hash).map(([path]) => path));
  const alongside = () => {
    const made = madeDocuments();
    return { files: made.files, unchanged: onDisk(made.hashes) };
  };
  try {
    const options = { beforeSwap: check, unchanged: onDisk(sdk.hashes), alongside };
    await (write ? write.finish(sdk.files, options) : writeOutput(out, sdk.files, options));
  } catch (error) {
    if (error instanceof SdkTypeError || error instanceof SdkLoadError) return report(failed(diagnostics, `${error.message}\nnothing written`), run);
    if (error instanceof OutputFolderError) return report({ ...failed(diagnostics, `${error.message}\nnothing written`), outcome: 'usage-error', exitCode: 2 }, run);
    return report(failed(diagnostics, `${out}: could not write the output: ${describeFsError(error)}\nprevious output left as it was`), run);
  }
  const stages = Object.fromEntries(
    Object.entries({ read, ...timings, ...sdk.timings, typecheck, write: performance.now() - writeStart - checking }).map(([stage, ms]) => [stage, Math.round(ms)]),
  );
  if (args.verbose && !json) {
    const breakdown = Object.entries(stages).map(([stage, ms]) => `${stage} ${ms} ms`);
    process.stderr.write(`docsdk: stages: ${breakdown.join(', ')}\n`);
  }
  const { hashes, changed } = output();
  const result: RunResult = {
    outcome: 'written',
    exitCode: pageErrors,
    diagnostics,
    counts,
    files: changed,
    ...(api && { api }),
    ...(pageErrors && { reason: 'some pages failed (above); the SDK was generated from the rest' }),
  };
  const emitted = { rendered: sdk.rendered, reused: sdk.reused, checks: sdk.checkStands ? ('stood' as const) : ('ran' as const) };
  await finish(result, { stages, emitted }, {
    hashes,
    renders: sdk.renders,
    templates: sdk.compiledTemplates,
    ...(run.cacheFile !== undefined && { modelFile: currentModelFile().index(), openApiFile: madeDocuments().openApiIndex }),
  });
}

/**
 * Saves the run cache; a cache that cannot be written (a full or read-only disk) costs the next
 * run its shortcut, nothing else: a warning, returned to be reported with the run.
 */
async function recordRun(run: IncrementalRun, result: RunResult, written?: WrittenOutput): Promise<Diagnostic | undefined> {
  try {
    await run.record(result, written);
    return undefined;
  } catch (error) {
    return {
      severity: 'warning',
      code: 'cache.not-saved',
      message: `the run cache was not saved: ${describeFsError(error)}; the next run parses every page again`,
      file: run.cacheFile ?? 'run cache',
    };
  }
}

/** `docsdk generate`: one run, or with --watch one now and one on every change. */
export async function runGenerateCommand(args: GenerateArgs): Promise<void> {
  // --watch: the watcher is ready before the first run, so no change made from then on is missed.
  if (!args.watch) return generateOnce(args);
  const { watchGenerate } = await import('../workflow/watch.js');
  await watchGenerate(args, () => generateOnce(args));
}

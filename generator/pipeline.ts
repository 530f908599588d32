import { buildModelOf } from './model/build.js';
import { pageInput, type NameMerges, type PageInput } from './model/structure-merge.js';
import { inferItemsFromSamples } from './model/sample-items.js';
import { applyOverrides } from './config/overrides.js';
import { applyEvidence, type EvidenceInput } from './evidence/apply.js';
import { DEFAULT_BASE_PATH, type Config } from './config/types.js';
import type { Diagnostic, Model } from './model/types.js';
import type { CpuSample } from './parse/idle-cores.js';
import { parsePages } from './parse/parallel.js';
import type { PageResult } from './parse/page.js';
import { readPages, rereadPage, type ReadPages } from './read/inputs.js';
import { DEFAULT_MAX_PAGE_BYTES, type PageFile } from './read/page-file.js';

export interface LoadOptions {
  /** docsdk.config.json as loaded (base path, overrides); defaults when absent. */
  config?: Config;
  /** How diagnostics about the config name it. */
  configFile?: string;
  cwd?: string;
  /** Results of pages an earlier run parsed (the incremental run's cache); the rest are parsed here. */
  pageCache?: PageCache;
  /** Called once per page when its result is in (progress). */
  onPage?: () => void;
  /** The pages, found and read already (the incremental run reads them first, to fingerprint them). */
  read?: ReadPages;
  /** docsdk.evidence.json and HAR captures: verified routes and body shapes, applied before the config's overrides. */
  evidence?: EvidenceInput;
  /** sampleCpu() at the start of the run: the parse starts workers on the cores other processes left free since. */
  cpuSince?: CpuSample;
}


/** Parse results kept between runs, by page identity (path and content), and the merges of structure names made from them. */
export interface PageCache {
  /** This exact page as an earlier run parsed it, if one did (its definitions read when a merge needs them). */
  lookup(page: PageFile): PageInput | undefined;
  /** Keeps the result of a page parsed in this run; returns its key (what the result is a function of). */
  remember(page: PageFile, result: PageResult): string;
  /** The last run's merges of structure names, for reuse; this run's are kept for the next. */
  readonly merges: NameMerges;
}

export interface LoadResult {
  model: Model;
  /** Milliseconds per stage: read, parse, merge. */
  timings: Record<string, number>;
  pages: number;
  /** Pages parsed in this run (the others' results came from the page cache). */
  parsed: number;
}

/** read pages → parse tables → build and merge the model → item types from samples → apply the evidence → apply the config's overrides. */
export async function loadModel(inputs: string[], options: LoadOptions = {}): Promise<LoadResult> {
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: string, work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const result = await work();
    timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    return result;
  };
  const { files, missing, diagnostics: readDiagnostics = [] } = options.read ?? (await timed('read', () => readPages(inputs, { cwd: options.cwd, maxPageBytes: options.config?.maxPageBytes })));
  const { pages, parsed, pageCache } = await timed('parse', () => parseUncached(files, options));
  const built = await timed('merge', () => inferItemsFromSamples(buildModelOf(pages, { basePath: options.config?.basePath ?? DEFAULT_BASE_PATH }, pageCache?.merges)));
  // applyEvidence and applyOverrides add their own diagnostics to the model they return.
  const evidence = options.evidence;
  const verified = evidence ? await timed('evidence', () => applyEvidence(built, evidence)) : built;
  const model = options.config ? applyOverrides(verified, options.config, options.configFile).model : verified;
  const unmatched: Diagnostic[] = missing.map((input) => ({
    severity: 'error',
    code: 'input.missing',
    message: 'no file, folder or glob match',
    file: input,
  }));
  model.diagnostics.unshift(...unmatched, ...readDiagnostics);
  return { model, timings, pages: files.length, parsed };
}

/** Every page's result, in page order: from the cache where it has one, else parsed (on all cores when there are many). */
async function parseUncached(files: PageFile[], { pageCache: cache, onPage, config, cpuSince }: LoadOptions): Promise<{ pages: PageInput[]; parsed: number; pageCache?: PageCache }> {
  const profile = config?.profile;
  // Cached results were read by the profile each page's structure chose: a forced profile reads afresh.
  const pageCache = profile === undefined ? cache : undefined;
  // An oversize page's identity holds its size, not its bytes (they were not read): never reused.
  const results = files.map((file) => (file.oversize ? undefined : pageCache?.lookup(file)));
  // A page found unchanged but not in the cache (a forced profile, a cache lost meanwhile) is read now.
  const missing = files.filter((_, i) => results[i] === undefined).map((file) => rereadPage(file, config?.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES));
  results.forEach((result) => result && onPage?.());
  const parsed = await parsePages(missing, { onParsed: onPage, profile, since: cpuSince });
  let next = 0;
  const all = results.map((result) => {
    if (result) return result;
    const page = missing[next];
    const fresh = parsed[next++];
    // An oversize page's result is not a function of its key (which holds its size): neither it
    // nor the merges of the names it defines are kept.
    const key = page.oversize ? undefined : pageCache?.remember(page, fresh);
    return pageInput(fresh, key);
  });
  return { pages: all, parsed: missing.length, pageCache };
}

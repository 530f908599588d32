// The incremental-run cache: parse results per page (keyed by docsdk's build, page path and
// content hash, so a hit is exactly what parsing would give), and the last run's result: its
// fingerprint (see fingerprint.ts), the output folder it left, and how it ended (diagnostics,
// exit code), so a run with the same fingerprint on the same folder replays it instead of
// redoing it, red as red and green as green. It is docsdk's private file (its build id guards
// it), kept in V8's serialization format: each page's result as its JSON text, parsed only
// when looked up, so an unchanged page costs one JSON.parse and a run that parsed one page
// writes the others back as they were read.
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import { dirname, join, resolve } from 'node:path';
import { docsdkBuildId } from '../config/package-root.js';
import type { CompiledTemplates } from '../emit/templates.js';
import type { PageResult } from '../parse/page.js';
import type { PageCache } from '../pipeline.js';
import type { KnownPages } from '../read/inputs.js';
import type { PageFile } from '../read/page-file.js';
import { pageIdentity, sha256 } from './fingerprint.js';
import type { RunResult } from './run-report.js';

/**
 * How a run ended, with the output folder it left behind. Its per-file tables are Maps, not
 * objects: V8's deserializer builds an object of hundreds of keys one hidden class per key
 * (15-30 ms, every run), a Map at once.
 */
export interface RecordedRun {
  /** runFingerprint() of the run. */
  fingerprint: string;
  /** sha256 of each file of the output folder as the run left it. */
  output: ReadonlyMap<string, string>;
  /** fileSignature() of each file of the output folder as the run left it: a file with the same one is not read again. */
  signatures?: ReadonlyMap<string, string>;
  /** What each file the run wrote was rendered from (emit/sdk.ts renderKey). */
  renders?: ReadonlyMap<string, string>;
  /** The templates as the run compiled them. */
  templates?: CompiledTemplates;
  /** The pages the run read, by absolute path: their files' signatures and the sha256 of their bytes. */
  pages?: KnownPages;
  result: RunResult;
}

/** The cache file: how the last run ended. Read by every run, so it holds no page results. */
interface CacheFile {
  /** docsdkBuildId() of the docsdk that wrote it. */
  docsdkVersion: string;
  lastRun?: RecordedRun;
}

/** Beside it (`<cache>.pages`): each page's PageResult as JSON text, by sha256 of its pageIdentity; read only by a run that builds the model. */
interface PagesFile {
  docsdkVersion: string;
  pages: Record<string, string>;
}

/**
 * The V8-serialized content of `file` if docsdk's current build wrote it. Read synchronously:
 * the run waits for it, and fs/promises reads a file in several thread-pool round trips.
 */
async function readOwn<T extends { docsdkVersion: string }>(file: string): Promise<T | undefined> {
  try {
    const stored = deserialize(readFileSync(file)) as T | undefined;
    return stored?.docsdkVersion === docsdkBuildId() ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `content` to `file` through a temp file renamed over it, so a killed run never leaves half a file behind. */
async function writeWhole(file: string, content: unknown): Promise<void> {
  // One temp name for every run: what a killed run left is overwritten and renamed away by the next one.
  const temp = `${file}.tmp`;
  try {
    await writeFile(temp, serialize(content));
    await rename(temp, file);
  } catch (error) {
    // A full or read-only disk: no partial cache is left behind.
    await rm(temp, { force: true });
    throw error;
  }
}

/** Where a run writing to `out` keeps its cache: one file per output folder, under node_modules/.cache like other tools. */
export function defaultCacheFile(out: string, cwd = process.cwd()): string {
  return join(cwd, 'node_modules', '.cache', 'docsdk', `${sha256(resolve(out)).slice(0, 16)}.v8`);
}


export class RunCache implements PageCache {
  private readonly used: Record<string, string> = {};
  hits = 0;
  misses = 0;

  /** The page results of the last run, once loadPages() read them. */
  private pages: Record<string, string> = {};
  private pagesLoaded = false;

  private constructor(
    readonly file: string,
    private readonly stored: CacheFile,
  ) {}

  /** Opens the cache at `file`; a missing, unreadable or other-version cache is an empty one. */
  static async open(file: string): Promise<RunCache> {
    return new RunCache(file, (await readOwn<CacheFile>(file)) ?? { docsdkVersion: docsdkBuildId() });
  }

  /** Where the page results are kept. */
  private get pagesFile(): string {
    return `${this.file}.pages`;
  }

  /** Reads the last run's page results, for lookup (a run that replays never needs them). */
  async loadPages(): Promise<void> {
    if (this.pagesLoaded) return;
    this.pages = (await readOwn<PagesFile>(this.pagesFile))?.pages ?? {};
    this.pagesLoaded = true;
  }

  /** The result of this exact page if it was parsed before (a new object: later stages may adjust what they are handed). */
  lookup(page: PageFile): PageResult | undefined {
    const key = sha256(pageIdentity(page));
    const cached = this.used[key] ?? this.pages[key];
    if (cached === undefined) return undefined;
    this.hits++;
    return JSON.parse((this.used[key] = cached)) as PageResult;
  }

  /** Keeps a result parsed in this run (as text, so later stages' changes to it do not reach the cache). */
  remember(page: PageFile, result: PageResult): void {
    this.misses++;
    this.used[sha256(pageIdentity(page))] = JSON.stringify(result);
  }

  /**
   * How the last run ended, if it had this fingerprint and the output folder (sha256 of each
   * file) is exactly as it left it. `asKnown`: see isLastOutput.
   */
  replay(fingerprint: string, onDisk: ReadonlyMap<string, string>, asKnown = false): RunResult | undefined {
    return this.stored.lastRun?.fingerprint === fingerprint && this.isLastOutput(onDisk, asKnown) ? this.stored.lastRun.result : undefined;
  }

  /** The last run's record, if any. */
  get lastRun(): RecordedRun | undefined {
    return this.stored.lastRun;
  }

  /**
   * Whether the output on disk (sha256 of each file) is exactly what the last run (of this
   * docsdk build) left. `asKnown`: readOutput found every file with the signature the last run
   * recorded, and as many files: their hashes are the recorded ones, nothing to compare.
   */
  isLastOutput(onDisk: ReadonlyMap<string, string>, asKnown = false): boolean {
    if (asKnown && this.stored.lastRun) return true;
    const output = this.stored.lastRun?.output;
    if (!output || output.size !== onDisk.size) return false;
    return [...onDisk].every(([path, hash]) => output.get(path) === hash);
  }

  /**
   * Records how this run ended and the output it left, and the page results of this run (only
   * those, so the cache never outgrows the docs). The two files are written one after the
   * other: page results are keyed by what they depend on, so either file may be older.
   */
  async save(run: RecordedRun): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await writeWhole(this.pagesFile, { docsdkVersion: docsdkBuildId(), pages: this.used } satisfies PagesFile);
    await this.saveLastRun(run);
  }

  /** Records how the last run ended (a replay refreshing its signatures), leaving the page results as they are. */
  async saveLastRun(run: RecordedRun): Promise<void> {
    await writeWhole(this.file, { docsdkVersion: docsdkBuildId(), lastRun: run } satisfies CacheFile);
  }
}

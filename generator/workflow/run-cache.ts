// The incremental-run cache: parse results per page (keyed by docsdk's build, page path and
// content hash, so a hit is exactly what parsing would give), and the last run's result: its
// fingerprint (see fingerprint.ts), the output folder it left, and how it ended (diagnostics,
// exit code), so a run with the same fingerprint on the same folder replays it instead of
// redoing it, red as red and green as green. It is docsdk's private file (its build id guards
// it), kept in V8's serialization format: each page's result as JSON texts, parsed only when
// looked up (its structure definitions apart, each parsed only when a merge needs it), so an
// unchanged page costs a JSON.parse or two. A run that parsed a few pages writes only those,
// beside the page results it read (see savePages), with the merges of the run's structure
// names (model/structure-merge.ts).
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import { dirname, join, resolve } from 'node:path';
import { docsdkBuildId } from '../config/package-root.js';
import type { ModelFileIndex } from '../diff/model-file-parts.js';
import type { OpenApiFileIndex } from '../openapi/file.js';
import type { CompiledTemplates } from '../emit/templates.js';
import type { NameMerge, NameMerges, PageInput } from '../model/structure-merge.js';
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
  /** Where the parts of the model file the run left are (diff/model-file-parts.ts). */
  modelFile?: ModelFileIndex;
  /** Where the parts of the openapi.json the run left are (openapi/file.ts). */
  openApiFile?: OpenApiFileIndex;
  result: RunResult;
}

/** The cache file: how the last run ended. Read by every run, so it holds no page results. */
interface CacheFile {
  /** docsdkBuildId() of the docsdk that wrote it. */
  docsdkVersion: string;
  lastRun?: RecordedRun;
}

/** A page's PageResult as JSON texts: the result without its structures, and each structure definition. */
interface CachedPage {
  result: string;
  names: string[];
  definitions: string[];
}

/**
 * Beside it (`<cache>.pages`): each page's PageResult, by sha256 of its pageIdentity; read
 * only by a run that builds the model. `<cache>.pages-added` holds the results a later run
 * added to them (see savePages). An entry is right whatever file it is in, whatever run wrote
 * it: its key is all the result depends on. So is a merge of a structure name: it says what
 * it was computed from. The pages file holds the merges of the run that wrote it, the file
 * beside it those of the last run that differ.
 */
interface PagesFile {
  docsdkVersion: string;
  pages: Record<string, CachedPage>;
  merges?: Map<string, NameMerge>;
}

/**
 * How many page results a run may leave in the pages file unused, together with those it
 * writes beside it, as a share of the pages it used: past that the pages file is written anew.
 */
const MAX_STALE_PAGES_SHARE = 1 / 8;

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


/** The page as the model is built from `cached`: each JSON.parse makes new objects, which later stages may adjust. */
function cachedInput(key: string, cached: CachedPage): PageInput {
  return {
    result: JSON.parse(cached.result) as PageInput['result'],
    structures: { names: cached.names, definition: (index) => JSON.parse(cached.definitions[index]) },
    key,
  };
}

export class RunCache implements PageCache {
  private readonly used: Record<string, CachedPage> = {};
  hits = 0;
  misses = 0;

  /** The pages file, once loadPages() read it (undefined where there was none of this build). */
  private pages?: Record<string, CachedPage>;
  /** The page results runs added beside it, once loadPages() read them. */
  private added: Record<string, CachedPage> = {};
  /** The merges of structure names in the pages file and beside it, once loadPages() read them. */
  private pagesMerges: ReadonlyMap<string, NameMerge> = new Map();
  private addedMerges: ReadonlyMap<string, NameMerge> = new Map();
  private pagesLoaded = false;
  /** This run's merges, saved for the next. */
  private readonly keptMerges = new Map<string, NameMerge>();

  readonly merges: NameMerges = {
    reuse: (name, from) => [this.addedMerges.get(name), this.pagesMerges.get(name)].find((merge) => merge?.from === from),
    keep: (name, merge) => void this.keptMerges.set(name, merge),
  };

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

  /** Where the page results runs added since the pages file was written are kept. */
  private get addedFile(): string {
    return `${this.file}.pages-added`;
  }

  /** Reads the last run's page results, for lookup (a run that replays never needs them). */
  async loadPages(): Promise<void> {
    if (this.pagesLoaded) return;
    const [pages, added] = await Promise.all([readOwn<PagesFile>(this.pagesFile), readOwn<PagesFile>(this.addedFile)]);
    this.pages = pages?.pages;
    this.added = added?.pages ?? {};
    this.pagesMerges = pages?.merges ?? new Map();
    this.addedMerges = added?.merges ?? new Map();
    this.pagesLoaded = true;
  }

  /** This exact page if it was parsed before (new objects: later stages may adjust what they are handed). */
  lookup(page: PageFile): PageInput | undefined {
    const key = sha256(pageIdentity(page));
    const cached = this.used[key] ?? this.added[key] ?? this.pages?.[key];
    if (cached === undefined) return undefined;
    this.hits++;
    return cachedInput(key, (this.used[key] = cached));
  }

  /** Keeps a result parsed in this run (as text, so later stages' changes to it do not reach the cache); returns its key. */
  remember(page: PageFile, result: PageResult): string {
    this.misses++;
    const key = sha256(pageIdentity(page));
    const { structures, ...rest } = result;
    this.used[key] = { result: JSON.stringify(rest), names: structures.map((s) => s.name), definitions: structures.map((s) => JSON.stringify(s)) };
    return key;
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
   * Records how this run ended and the output it left, and the page results of this run. The
   * files are written one after the other: page results are keyed by what they depend on, so
   * any of them may be older.
   */
  async save(run: RecordedRun): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await this.savePages();
    await this.saveLastRun(run);
  }

  /**
   * Keeps the page results of this run, and few others, so the cache never outgrows the docs.
   * Where the pages file the run read holds all but a few of them, and few it did not use (a
   * page or two edited: MAX_STALE_PAGES_SHARE), it stays as it is, and only the others are
   * written, beside it (replacing those written there before): the run writes what changed,
   * not megabytes of what it read. Else the pages file is written anew, of this run's results.
   */
  private async savePages(): Promise<void> {
    const version = docsdkBuildId();
    const pages = this.pagesLoaded ? this.pages : undefined;
    if (pages) {
      const added: Record<string, CachedPage> = {};
      let addedCount = 0;
      let usedCount = 0;
      for (const key in this.used) {
        usedCount++;
        if (!(key in pages)) {
          added[key] = this.used[key];
          addedCount++;
        }
      }
      // The pages file's entries this run did not use: all of them but those it used.
      const unused = Object.keys(pages).length - (usedCount - addedCount);
      if (addedCount + unused <= usedCount * MAX_STALE_PAGES_SHARE) {
        const merges = new Map([...this.keptMerges].filter(([name, merge]) => this.pagesMerges.get(name)?.from !== merge.from));
        await writeWhole(this.addedFile, { docsdkVersion: version, pages: added, merges } satisfies PagesFile);
        return;
      }
    }
    await writeWhole(this.pagesFile, { docsdkVersion: version, pages: this.used, merges: this.keptMerges } satisfies PagesFile);
    // What was added beside the old pages file: this run's results are in the new one.
    await rm(this.addedFile, { force: true });
  }

  /** Records how the last run ended (a replay refreshing its signatures), leaving the page results as they are. */
  async saveLastRun(run: RecordedRun): Promise<void> {
    await writeWhole(this.file, { docsdkVersion: docsdkBuildId(), lastRun: run } satisfies CacheFile);
  }
}

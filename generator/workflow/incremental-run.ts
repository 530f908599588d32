// One generate run seen from the release workflow: what is on disk, whether anything the
// output depends on changed since the last run, cached page parsing, and the previous
// model (kept in the output) to diff against.
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { CheckedPackage } from '../emit/check-reuse.js';
import type { Model } from '../model/types.js';
import { readPages, readRegularFile, type ReadPages } from '../read/inputs.js';
import { assertReplaceable } from '../write/atomic.js';
import type { PageCache } from '../pipeline.js';
import { isModel, MODEL_FILE_NAME } from '../diff/load-side.js';
import { changedFiles, readFolder, readOutput, type FileChange } from './output-files.js';
import { runFingerprint, type FingerprintInputs } from './fingerprint.js';
import { defaultCacheFile, hashFiles, RunCache } from './run-cache.js';
import type { RunResult } from './run-report.js';
import type { Progress } from './progress.js';

export interface RunOptions {
  inputs: string[];
  out: string;
  /** Everything but pages and templates the run's outcome depends on: see FingerprintInputs. */
  fingerprint: Omit<FingerprintInputs, 'pages' | 'templates'>;
  templatesDir?: string;
  /** The config's page size limit (pages over it are not read). */
  maxPageBytes?: number;
  /** Cache file; `false` for a clean run that neither reads nor writes one. Default: defaultCacheFile(out). */
  cacheFile?: string | false;
  progress: Progress;
  cwd?: string;
}

/** A previous model larger than this is not read (the 250-page corpus's is about 1 MB): the run then diffs against nothing. */
const MAX_MODEL_BYTES = 256 * 1024 * 1024;

export class IncrementalRun {
  private constructor(
    private readonly options: RunOptions,
    private readonly cache: RunCache | undefined,
    private readonly fingerprint: string,
    /** The output folder as it was before this run: sha256 of each file. */
    readonly onDisk: ReadonlyMap<string, string>,
    /** The pages, read: for loadModel, which then need not read them again. */
    readonly read: ReadPages,
    private readonly savedModel: Buffer | undefined,
  ) {}

  get pages(): number {
    return this.read.files.length;
  }

  /** Throws OutputFolderError, before reading anything of it, when the output folder is not docsdk's. */
  static async start(options: RunOptions): Promise<IncrementalRun> {
    await assertReplaceable(options.out);
    const [read, templates, onDisk, savedModel, cache] = await Promise.all([
      readPages(options.inputs, options),
      options.templatesDir ? readFolder(options.templatesDir) : new Map<string, Buffer>(),
      readOutput(options.out),
      readRegularFile(join(options.out, MODEL_FILE_NAME), MAX_MODEL_BYTES).then((read) => ('bytes' in read ? read.bytes : undefined)),
      options.cacheFile === false ? undefined : RunCache.open(options.cacheFile ?? defaultCacheFile(options.out, options.cwd)),
    ]);
    const fingerprint = runFingerprint({ ...options.fingerprint, pages: read.files, templates });
    return new IncrementalRun(options, cache, fingerprint, onDisk, read, savedModel);
  }

  /**
   * How the last run ended, when nothing this run depends on changed since and the output
   * folder is as that run left it: this run would end the same way.
   */
  get previousResult(): RunResult | undefined {
    return this.cache?.replay(this.fingerprint, this.onDisk);
  }

  /** For loadModel: results of pages parsed before (undefined on a clean run). */
  get pageCache(): PageCache | undefined {
    return this.cache;
  }

  /** For loadModel: each page's result moves the progress on. */
  readonly onPage = (): void => this.options.progress.tick();

  /** Pages actually parsed in this run (the rest came from the cache). */
  get parsed(): number {
    return this.cache ? this.cache.misses : this.pages;
  }

  /** The files on disk that writing `files` would add, change or remove. */
  staleFiles(files: ReadonlyMap<string, string>): FileChange[] {
    return changedFiles(this.onDisk, files);
  }

  /** The model the previous run kept in the output, if there is one this docsdk can read. */
  /** The output folder as the last run wrote it (after its type check passed), when it is still exactly that. */
  checkedOutput(): CheckedPackage | undefined {
    if (!this.cache?.isLastOutput(this.onDisk)) return undefined;
    return { hashes: this.onDisk, read: (path) => readFile(join(this.options.out, path), 'utf8') };
  }

  previousModel(): Model | undefined {
    const saved = this.savedModel;
    if (!saved) return undefined;
    try {
      const data: unknown = JSON.parse(saved.toString('utf8'));
      return isModel(data) ? data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Where the run cache is kept, if this run keeps one. */
  get cacheFile(): string | undefined {
    return this.cache?.file;
  }

  /** Remembers how this run ended, and the output folder it left: `written` when it wrote one, else the folder as it was. */
  async record(result: RunResult, written?: ReadonlyMap<string, string>): Promise<void> {
    await this.cache?.save({ fingerprint: this.fingerprint, output: written ? hashFiles(written) : Object.fromEntries(this.onDisk), result });
  }
}

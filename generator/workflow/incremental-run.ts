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
import { defaultCacheFile, inputsFingerprint, RunCache } from './run-cache.js';
import type { Progress } from './progress.js';

export interface RunOptions {
  inputs: string[];
  out: string;
  /** Everything else the output depends on (effective config, package name, …): part of the fingerprint. */
  settings: unknown;
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
    const fingerprint = inputsFingerprint({ pages: read.files, config: options.settings, templates });
    return new IncrementalRun(options, cache, fingerprint, onDisk, read, savedModel);
  }

  /** Nothing the output depends on changed, and the output on disk is what the last run wrote. */
  get upToDate(): boolean {
    return this.cache?.isUpToDate(this.fingerprint, this.onDisk) ?? false;
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

  /** Remembers that `files` (now on disk) came from this run's inputs. */
  async record(files: ReadonlyMap<string, string>): Promise<void> {
    await this.cache?.save(this.fingerprint, files);
  }
}

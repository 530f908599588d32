// One generate run seen from the release workflow: what is on disk, whether anything the
// output depends on changed since the last run, cached page parsing, and the previous
// model (kept in the output) to diff against.
import type { Model } from '../model/types.js';
import { readPages, type ReadPages } from '../read/inputs.js';
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

export class IncrementalRun {
  private constructor(
    private readonly options: RunOptions,
    private readonly cache: RunCache | undefined,
    private readonly fingerprint: string,
    /** The output folder as it was before this run. */
    readonly onDisk: ReadonlyMap<string, Buffer>,
    /** The pages, read: for loadModel, which then need not read them again. */
    readonly read: ReadPages,
  ) {}

  get pages(): number {
    return this.read.files.length;
  }

  static async start(options: RunOptions): Promise<IncrementalRun> {
    const [read, templates, onDisk, cache] = await Promise.all([
      readPages(options.inputs, options),
      options.templatesDir ? readFolder(options.templatesDir) : new Map<string, Buffer>(),
      readOutput(options.out),
      options.cacheFile === false ? undefined : RunCache.open(options.cacheFile ?? defaultCacheFile(options.out, options.cwd)),
    ]);
    const fingerprint = inputsFingerprint({ pages: read.files, config: options.settings, templates });
    return new IncrementalRun(options, cache, fingerprint, onDisk, read);
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
  previousModel(): Model | undefined {
    const saved = this.onDisk.get(MODEL_FILE_NAME);
    if (!saved) return undefined;
    try {
      const data: unknown = JSON.parse(saved.toString('utf8'));
      return isModel(data) ? data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Remembers that `files` (now on disk) came from this run's inputs. */
  async record(files: ReadonlyMap<string, string>): Promise<void> {
    await this.cache?.save(this.fingerprint, files);
  }
}

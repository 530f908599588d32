// One generate run seen from the release workflow: what is on disk, whether anything the
// output depends on changed since the last run, cached page parsing, and the previous
// model (kept in the output) to diff against.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { PreviousSdk } from '../emit/sdk.js';
import type { CompiledTemplates } from '../emit/templates.js';
import { settledAt } from '../read/file-signature.js';
import { readPages, readRegularFile, type KnownPages, type ReadPages } from '../read/inputs.js';
import { assertReplaceable, type FileContent } from '../write/atomic.js';
import type { PageCache } from '../pipeline.js';
import { isModel, MODEL_FILE_NAME } from '../diff/model-file.js';
import type { ModelFile, ModelFileIndex, ModelParts } from '../diff/model-file-parts.js';
import type { IndexedOpenApiFile, OpenApiFileIndex } from '../openapi/file.js';
import { changedFiles, outputSignatures, readFolder, readOutput, type FileChange, type OutputState } from './output-files.js';
import { pageSha256, runFingerprint, sha256, type FingerprintInputs } from './fingerprint.js';
import { defaultCacheFile, RunCache } from './run-cache.js';
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
    /** The output folder as it was before this run: sha256 and signature of each file. */
    private readonly output: OutputState,
    /** The pages, read: for loadModel, which then need not read them again. */
    readonly read: ReadPages,
    /** When the pages were read (Date.now()). */
    private readonly startedAt: number,
  ) {}

  get pages(): number {
    return this.read.files.length;
  }

  /** Throws OutputFolderError, before reading anything of it, when the output folder is not docsdk's. */
  static async start(options: RunOptions): Promise<IncrementalRun> {
    await assertReplaceable(options.out);
    const startedAt = Date.now();
    const opened = options.cacheFile === false ? undefined : RunCache.open(options.cacheFile ?? defaultCacheFile(options.out, options.cwd));
    const [read, templates, output, cache] = await Promise.all([
      // Pages the last run read are not read again where their files are as they were then.
      opened ? opened.then((cache) => readPages(options.inputs, { ...options, known: cache.lastRun?.pages })) : readPages(options.inputs, options),
      options.templatesDir ? readFolder(options.templatesDir) : new Map<string, Buffer>(),
      // Files the last run left as they were (their signature) are not read again.
      opened ? opened.then((cache) => readOutput(options.out, cache.lastRun)) : readOutput(options.out),
      opened,
    ]);
    const fingerprint = runFingerprint({ ...options.fingerprint, pages: read.files, templates });
    return new IncrementalRun(options, cache, fingerprint, output, read, startedAt);
  }

  /** The output folder as it was before this run: sha256 of each file. */
  get onDisk(): ReadonlyMap<string, string> {
    return this.output.hashes;
  }

  /**
   * How the last run ended, when nothing this run depends on changed since and the output
   * folder is as that run left it: this run would end the same way.
   */
  get previousResult(): RunResult | undefined {
    return this.cache?.replay(this.fingerprint, this.onDisk, this.output.asKnown);
  }

  /** For loadModel: results of pages parsed before (undefined on a clean run). */
  async pageCache(): Promise<PageCache | undefined> {
    await this.cache?.loadPages();
    return this.cache;
  }

  /** For loadModel: each page's result moves the progress on. */
  readonly onPage = (): void => this.options.progress.tick();

  /** The files on disk that writing `files` (`hashes`: their sha256, where known) would add, change or remove. */
  staleFiles(files: ReadonlyMap<string, FileContent>, hashes?: ReadonlyMap<string, string>): FileChange[] {
    return changedFiles(this.onDisk, files, hashes);
  }

  /**
   * The output folder as the last run wrote it (after its checks passed), when it is still
   * exactly that, with what each file was rendered from.
   */
  previousSdk(): PreviousSdk | undefined {
    const last = this.cache?.lastRun;
    if (!last || !this.cache?.isLastOutput(this.onDisk, this.output.asKnown)) return undefined;
    // Read synchronously: hundreds of small files, where a promise per file costs more than the read.
    return { hashes: this.onDisk, renders: Object.fromEntries(last.renders ?? []), read: async (path) => readFileSync(join(this.options.out, path), 'utf8') };
  }

  /** The bytes of output file `path` if they are still those the last run wrote (their sha256 says so). */
  lastWritten(path: string): Buffer | undefined {
    const last = this.cache?.lastRun;
    // Only a run that wrote records what it wrote; any other records the folder as it found it, docsdk's or not.
    const hash = last?.result.outcome === 'written' ? last.output.get(path) : undefined;
    if (hash === undefined || this.onDisk.get(path) !== hash) return undefined;
    try {
      const bytes = readFileSync(join(this.options.out, path));
      return sha256(bytes) === hash ? bytes : undefined;
    } catch {
      return undefined;
    }
  }

  /** openapi.json as the last run wrote it, with its index, while it is still those bytes. */
  previousOpenApi(): IndexedOpenApiFile | undefined {
    const index = this.cache?.lastRun?.openApiFile;
    // lastWritten checked the bytes against the sha256 the last run recorded for them.
    const bytes = index && this.lastWritten('openapi.json');
    return bytes && index.sha256 === this.cache?.lastRun?.output.get('openapi.json') ? { bytes, index } : undefined;
  }

  /** The templates as the last run compiled them. */
  get compiledTemplates(): CompiledTemplates | undefined {
    return this.cache?.lastRun?.templates;
  }

  /**
   * The clients and structures of the model the previous run kept in the output, if there is
   * one this docsdk can read. Read when asked (after the parse): a run that replays never needs
   * it, and it is megabytes. Where the last run recorded where the file's parts are, and the
   * file is still the very bytes it indexed (its sha256), only the parts that differ from the
   * model file made now (`now`, made when needed, handed that file) are parsed.
   */
  async previousModel(now?: (previous: Buffer) => ModelFile): Promise<ModelParts | undefined> {
    const saved = await readRegularFile(join(this.options.out, MODEL_FILE_NAME), MAX_MODEL_BYTES);
    if (!('bytes' in saved)) return undefined;
    const index = this.cache?.lastRun?.modelFile;
    if (index && now && sha256(saved.bytes) === index.sha256) {
      // Loaded here: a run that replays never reads the previous model.
      const { readParts } = await import('../diff/model-file-parts.js');
      const parts = readParts({ bytes: saved.bytes, index }, now(saved.bytes));
      if (parts) return parts;
    }
    try {
      const data: unknown = JSON.parse(saved.bytes.toString('utf8'));
      return isModel(data) ? data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Where the run cache is kept, if this run keeps one. */
  get cacheFile(): string | undefined {
    return this.cache?.file;
  }

  /**
   * Remembers how this run ended, and the output folder it left: `written` when it wrote one
   * (each file's sha256, and what it was rendered from), else the folder as it was.
   */
  async record(result: RunResult, written?: WrittenOutput): Promise<void> {
    if (!this.cache) return;
    const hashes = written?.hashes ?? this.onDisk;
    // An index holds for the bytes it was made of (it says their sha256): one of a file left as it was stays good.
    // Both indexes of one run, or none: the openapi index numbers its parts as the model index of the same run does.
    const { modelFile, openApiFile } = written ?? this.cache.lastRun ?? {};
    const settled = settledAt(Date.now());
    const signatures = [...(written ? outputSignatures(this.options.out, hashes.keys()) : this.output.signatures)].filter(([, signature]) => settled(signature));
    await this.cache.save({
      fingerprint: this.fingerprint,
      output: new Map(hashes),
      signatures: new Map(signatures),
      ...(written?.renders && { renders: new Map(Object.entries(written.renders)) }),
      ...(written?.templates && { templates: written.templates }),
      ...(modelFile && { modelFile }),
      ...(openApiFile && { openApiFile }),
      pages: this.settledPages(),
      result,
    });
  }

  /**
   * After a replay: the last run's record again, with the signatures of the files it had to
   * read because their signatures were too fresh to trust then (output the last run wrote, a
   * page changed just before it), now that they are settled; so the next replay reads them no
   * more, as git refreshes its index. Nothing is written when nothing is new.
   */
  async refreshSignatures(): Promise<void> {
    const last = this.cache?.lastRun;
    if (!last) return;
    const settled = settledAt(this.startedAt);
    const signatures = new Map([...this.output.signatures].filter(([, signature]) => settled(signature)));
    const pages = this.settledPages();
    const samePage = (a: { signature: string; sha256: string }, b?: { signature: string; sha256: string }) => a.signature === b?.signature && a.sha256 === b.sha256;
    if (sameEntries(signatures, last.signatures, (a, b) => a === b) && sameEntries(pages, last.pages, samePage)) return;
    await this.cache?.saveLastRun({ ...last, signatures, pages });
  }

  /** The pages read whose signatures a later run may trust, with their sha256. */
  private settledPages(): KnownPages {
    const pages = new Map<string, { signature: string; sha256: string }>();
    const settled = settledAt(this.startedAt);
    for (const page of this.read.files) {
      if (page.signature && settled(page.signature)) pages.set(page.abs, { signature: page.signature, sha256: pageSha256(page) });
    }
    return pages;
  }
}

/** Whether `map` and `other` hold the same keys, with values `same` says are equal. */
function sameEntries<V>(map: ReadonlyMap<string, V>, other: ReadonlyMap<string, V> | undefined, same: (a: V, b: V | undefined) => boolean): boolean {
  return map.size === (other?.size ?? 0) && [...map].every(([key, value]) => same(value, other?.get(key)));
}

/** What a run wrote: sha256 of each file, what each was rendered from, the templates as compiled, and where the parts of the model file and of openapi.json are. */
export interface WrittenOutput {
  hashes: ReadonlyMap<string, string>;
  renders?: Record<string, string>;
  templates?: CompiledTemplates;
  modelFile?: ModelFileIndex;
  openApiFile?: OpenApiFileIndex;
}

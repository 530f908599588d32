// The incremental-run cache: parse results per page (keyed by docsdk's build, page path and
// content hash, so a hit is exactly what parsing would give), and a fingerprint of
// everything the last written output came from, so an unchanged run can stop early.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { docsdkBuildId } from '../config/package-root.js';
import type { PageResult } from '../parse/page.js';
import type { PageCache } from '../pipeline.js';
import type { PageFile } from '../read/page-file.js';

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

interface CacheFile {
  /** docsdkBuildId() of the docsdk that wrote it. */
  docsdkVersion: string;
  /** Fingerprint of the inputs of the last written output. */
  inputs?: string;
  /** sha256 of each file of that output. */
  output?: Record<string, string>;
  pages: Record<string, PageResult>;
}

/** Where a run writing to `out` keeps its cache: one file per output folder, under node_modules/.cache like other tools. */
export function defaultCacheFile(out: string, cwd = process.cwd()): string {
  return join(cwd, 'node_modules', '.cache', 'docsdk', `${sha256(resolve(out)).slice(0, 16)}.json`);
}

/** sha256 of each page's bytes, once per page: the fingerprint, the cache's lookup and its store all need it. */
const pageHashes = new WeakMap<PageFile, string>();

/** What a page's parse result depends on: its path, its bytes, and whether it was too large to read. */
function pageIdentity(page: PageFile): string {
  const oversize = page.oversize ? `${page.oversize.size}/${page.oversize.limit}` : '';
  let hash = pageHashes.get(page);
  if (hash === undefined) pageHashes.set(page, (hash = sha256(page.bytes)));
  return `${page.rel}\0${hash}\0${oversize}\0${page.unreadable ?? ''}`;
}

/**
 * One fingerprint of everything a generated output depends on: docsdk's version, each page
 * (path and content), the effective config, the template files. Equal fingerprints, equal output.
 */
export function inputsFingerprint(parts: { pages: PageFile[]; config: unknown; templates: ReadonlyMap<string, Buffer> }): string {
  return sha256(
    JSON.stringify({
      docsdkVersion: docsdkBuildId(),
      pages: parts.pages.map(pageIdentity),
      config: parts.config,
      templates: [...parts.templates].map(([path, bytes]) => [path, sha256(bytes)]),
    }),
  );
}

export class RunCache implements PageCache {
  private readonly used: Record<string, PageResult> = {};
  hits = 0;
  misses = 0;

  private constructor(
    readonly file: string,
    private readonly stored: CacheFile,
  ) {}

  /** Opens the cache at `file`; a missing, unreadable or other-version cache is an empty one. */
  static async open(file: string): Promise<RunCache> {
    const empty: CacheFile = { docsdkVersion: docsdkBuildId(), pages: {} };
    try {
      const stored = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
      return new RunCache(file, stored.docsdkVersion === docsdkBuildId() && stored.pages ? stored : empty);
    } catch {
      return new RunCache(file, empty);
    }
  }

  /** The result of this exact page if it was parsed before (a copy: later stages may adjust what they are handed). */
  lookup(page: PageFile): PageResult | undefined {
    const key = sha256(pageIdentity(page));
    const cached = this.used[key] ?? this.stored.pages[key];
    if (!cached) return undefined;
    this.hits++;
    return structuredClone((this.used[key] = cached));
  }

  /** Keeps a result parsed in this run (a copy, for the same reason). */
  remember(page: PageFile, result: PageResult): void {
    this.misses++;
    this.used[sha256(pageIdentity(page))] = structuredClone(result);
  }

  /** Whether the output on disk (sha256 of each file) is exactly what the last run wrote from the same inputs. */
  isUpToDate(inputs: string, onDisk: ReadonlyMap<string, string>): boolean {
    return this.stored.inputs === inputs && this.isLastOutput(onDisk);
  }

  /** Whether the output on disk (sha256 of each file) is exactly what the last run (of this docsdk build) wrote. */
  isLastOutput(onDisk: ReadonlyMap<string, string>): boolean {
    const { output } = this.stored;
    if (!output || Object.keys(output).length !== onDisk.size) return false;
    return [...onDisk].every(([path, hash]) => output[path] === hash);
  }

  /** Records a written output; keeps only the pages of this run, so the cache never outgrows the docs. */
  async save(inputs: string, written: ReadonlyMap<string, string>): Promise<void> {
    const content: CacheFile = {
      docsdkVersion: docsdkBuildId(),
      inputs,
      output: Object.fromEntries([...written].map(([path, text]) => [path, sha256(text)])),
      pages: this.used,
    };
    await mkdir(dirname(this.file), { recursive: true });
    // Write then rename, so a killed run never leaves half a cache behind. One temp name for
    // every run: what a killed run left is overwritten and renamed away by the next one.
    const temp = `${this.file}.tmp`;
    try {
      await writeFile(temp, JSON.stringify(content));
      await rename(temp, this.file);
    } catch (error) {
      // A full or read-only disk: no partial cache is left behind.
      await rm(temp, { force: true });
      throw error;
    }
  }
}

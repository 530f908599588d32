import { closeSync, constants as fsConstants, fstatSync, openSync, readdirSync, readSync, statSync, type BigIntStats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model/types.js';
import { fileSignature } from './file-signature.js';
import { DEFAULT_MAX_PAGE_BYTES, type PageFile } from './page-file.js';
import { describeFsError } from './fs-error.js';

const PAGE_PATTERN = '**/*.{html,htm,md,markdown}';
/** The names PAGE_PATTERN matches in a folder (tinyglobby matches case-sensitively, and no name starting with a dot). */
const PAGE_NAME = /^[^.].*\.(?:html|htm|md|markdown)$/s;

/**
 * tinyglobby, loaded for the first input that may be a glob: most runs name folders and files,
 * and it takes longer to load than walking a folder of hundreds of pages does.
 */
let globber: Promise<typeof import('tinyglobby')> | undefined;
const tinyglobby = () => (globber ??= import('tinyglobby'));

/** Without one of these characters, picomatch (tinyglobby's isDynamicPattern) sees no glob: no wildcard, class, brace, group, extglob, negation or escape. */
const GLOB_CHARS = /[*?[\]{}()!+@\\]/;

/** tinyglobby's isDynamicPattern, loaded only for an input that has a character a glob needs. */
export async function isGlob(input: string): Promise<boolean> {
  return GLOB_CHARS.test(input) && (await tinyglobby()).isDynamicPattern(input);
}

/** A page path and the root its `rel` is measured from. */
interface FoundPage {
  abs: string;
  root: string;
}

/**
 * Expands files, folders (recursive) and globs, mixed, into a sorted, de-duplicated page
 * list. A folder or glob is the root of what it finds; a single file's root is the cwd
 * when the file lies below it (so `rel` keeps the client/group folders), else its folder.
 */
export async function findPages(inputs: string[], cwd = process.cwd()): Promise<{ pages: FoundPage[]; missing: string[] }> {
  const found = new Map<string, FoundPage>();
  const missing: string[] = [];
  for (const input of inputs) {
    const hits = await expandInput(input, cwd, await isGlob(input));
    if (hits.length === 0) missing.push(input);
    for (const hit of hits) if (!found.has(hit.abs)) found.set(hit.abs, hit);
  }
  const pages = [...found.values()].sort((a, b) => compareStrings(a.abs, b.abs));
  return { pages, missing };
}

/** Whether `inner` is `outer` or lies below it. */
function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Leaves out the pages inside the output folder `out` (a generated README.md is no doc page,
 * and would come back as an operation on the next run), with one warning per input that
 * reaches into it — whether or not it holds files yet, so every run reports the same.
 */
async function excludeOutput(found: { pages: FoundPage[] }, inputs: string[], out: string, cwd: string): Promise<Diagnostic[]> {
  const outAbs = path.resolve(cwd, out);
  const globs = new Set<string>();
  for (const input of inputs) if (await isGlob(input)) globs.add(input);
  const reaching: string[] = [];
  for (const input of inputs) {
    const target = path.resolve(cwd, globs.has(input) ? await staticPrefix(input) : input);
    if (isInside(outAbs, target) || isInside(target, outAbs)) reaching.push(input);
  }
  // A page of a file or folder input lies below it, so inputs apart from the output folder hold
  // none of it (a glob's `..` may lead anywhere: its pages are checked).
  if (reaching.length || globs.size) found.pages = found.pages.filter((page) => !isInside(page.abs, outAbs));
  return reaching.map((input) => ({
    severity: 'warning',
    code: 'input.output-inside',
    message: `the output folder ${out} is inside this input (or the input inside it): the files docsdk writes there are not read as pages; better keep --out outside the doc pages`,
    file: input,
  }));
}

async function expandInput(input: string, cwd: string, glob: boolean): Promise<FoundPage[]> {
  if (glob) {
    const root = path.resolve(cwd, await staticPrefix(input));
    const files = await (await tinyglobby()).glob(input, { cwd, absolute: true, onlyFiles: true });
    return files.map((abs) => ({ abs: path.resolve(abs), root }));
  }
  const abs = path.resolve(cwd, input);
  const info = await stat(abs).catch(() => undefined);
  if (!info) return [];
  if (info.isDirectory()) {
    const files = folderPages(abs) ?? (await (await tinyglobby()).glob(PAGE_PATTERN, { cwd: abs, absolute: true, onlyFiles: true }));
    return files.map((file) => ({ abs: path.resolve(file), root: abs }));
  }
  const inCwd = !path.relative(cwd, abs).startsWith('..');
  return [{ abs, root: inCwd ? cwd : path.dirname(abs) }];
}

/**
 * The pages tinyglobby finds for PAGE_PATTERN in folder `root`, found by a walk of its folders
 * (synchronous: a few dozen readdirs, where a promise each costs more): the files whose name
 * PAGE_NAME matches, in folders whose names start with no dot. Undefined, for tinyglobby to
 * walk, where the walk meets a symbolic link (tinyglobby follows links, resolved) or a folder
 * it cannot read (tinyglobby skips those).
 */
export function folderPages(root: string): string[] | undefined {
  const pages: string[] = [];
  const folders = [root];
  for (let folder; (folder = folders.pop()) !== undefined; ) {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return undefined;
    }
    for (const entry of entries) {
      if (entry.isSymbolicLink()) return undefined;
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) folders.push(path.join(folder, entry.name));
      else if (entry.isFile() && PAGE_NAME.test(entry.name)) pages.push(path.join(folder, entry.name));
    }
  }
  return pages;
}

/** The folder part of a glob before its first dynamic segment. */
export async function staticPrefix(pattern: string): Promise<string> {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const part of parts) {
    if (await isGlob(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}

/** Byte-order comparison, so page order never depends on the locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Opening a FIFO for reading waits for a writer; non-blocking, it opens at once and is refused below.
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);
const CHUNK_BYTES = 64 * 1024;

/** What a file that is not a regular one is. */
function fileKind(info: BigIntStats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

export type BoundedRead = { bytes: Buffer; signature: string } | { oversize: { size: number; limit: number } } | { unreadable: string };

/**
 * The bytes of regular file `abs`, if it holds at most `maxBytes`: counted as they are read,
 * since a size from stat can lie (0 for /dev/zero behind a symlink, a file still growing).
 * Synchronous calls: for hundreds of small pages a promise and a thread-pool hop per call
 * cost more than the reads.
 */
export async function readRegularFile(abs: string, maxBytes: number): Promise<BoundedRead> {
  return readRegularFileSync(abs, maxBytes);
}

function readRegularFileSync(abs: string, maxBytes: number): BoundedRead {
  let fd;
  try {
    fd = openSync(abs, OPEN_FLAGS);
  } catch (error) {
    return { unreadable: `cannot be read: ${describeFsError(error)}` };
  }
  try {
    const info = fstatSync(fd, { bigint: true });
    if (!info.isFile()) return { unreadable: `${fileKind(info)}, not a regular file; not read` };
    const size = Number(info.size);
    if (size > maxBytes) return { oversize: { size, limit: maxBytes } };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte past the limit tells a file at the limit from one over it; the size stat gave saves a second read.
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(size + 1, CHUNK_BYTES), maxBytes + 1 - total));
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { oversize: { size: total, limit: maxBytes } };
    }
    return { bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total), signature: fileSignature(info) };
  } catch (error) {
    return { unreadable: `cannot be read: ${describeFsError(error)}` };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing was left to release.
    }
  }
}

/**
 * `page.abs` relative to its root, `/`-separated. Most pages are found below their root: their
 * path is the rest of the string, without a path.relative (hundreds of calls, all cold code).
 */
function relativePath({ abs, root }: FoundPage): string {
  const rel = abs.startsWith(root + path.sep) ? abs.slice(root.length + 1) : path.relative(root, abs);
  return rel.split(path.sep).join('/');
}

/** What an earlier run read of a page, by absolute path: its file's signature and the sha256 of its bytes. */
export type KnownPages = ReadonlyMap<string, { signature: string; sha256: string }>;

/**
 * A page reader that reads only regular files, and leaves files over `maxBytes` unread (a
 * 5 GB file must not fill the memory). A file it cannot read becomes a page that says why. A
 * file whose signature is the one in `known` is not read: its page carries the known sha256.
 */
export function pageReader(maxBytes: number, known?: KnownPages): (page: FoundPage) => Promise<PageFile> {
  return async (page) => {
    const rel = relativePath(page);
    const before = known?.get(page.abs);
    if (before) {
      const info = statSync(page.abs, { bigint: true, throwIfNoEntry: false });
      if (info?.isFile() && fileSignature(info) === before.signature) {
        return { abs: page.abs, rel, bytes: Buffer.alloc(0), signature: before.signature, unchangedSha256: before.sha256 };
      }
    }
    return readPageFile(page.abs, rel, maxBytes);
  };
}

function readPageFile(abs: string, rel: string, maxBytes: number): PageFile {
  const read = readRegularFileSync(abs, maxBytes);
  return 'bytes' in read ? { abs, rel, bytes: read.bytes, signature: read.signature } : { abs, rel, bytes: Buffer.alloc(0), ...read };
}

/** A page found unchanged (not read), read now: it has to be parsed after all. */
export function rereadPage(page: PageFile, maxBytes: number): PageFile {
  return page.unchangedSha256 === undefined ? page : readPageFile(page.abs, page.rel, maxBytes);
}

export const readPage = pageReader(DEFAULT_MAX_PAGE_BYTES);

/** The pages `inputs` name, read, and the inputs that named none. */
export interface ReadPages {
  files: PageFile[];
  missing: string[];
  /** About the inputs as a whole (an output folder inside them). */
  diagnostics?: Diagnostic[];
}

export interface ReadOptions {
  cwd?: string;
  maxPageBytes?: number;
  /** The output folder: nothing inside it is read as a page. */
  out?: string;
  /** Pages an earlier run read: those whose files are unchanged are not read again. */
  known?: KnownPages;
}

/** Finds and reads the pages of `inputs` (files, folders, globs). */
export async function readPages(inputs: string[], { cwd = process.cwd(), maxPageBytes, out, known }: ReadOptions): Promise<ReadPages> {
  const found = await findPages(inputs, cwd);
  const diagnostics = out === undefined ? [] : await excludeOutput(found, inputs, out, cwd);
  const files = await Promise.all(found.pages.map(pageReader(maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES, known)));
  return { files, missing: found.missing, diagnostics };
}

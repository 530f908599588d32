// What is on disk in an output folder versus what a run generates: the heart of
// `generate --check` and of the "nothing changed" fast path.
import { createHash } from 'node:crypto';
import { closeSync, lstatSync, openSync, readSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileSignature } from '../read/file-signature.js';
import { sha256 } from './fingerprint.js';
import { OUTPUT_MARKER, type FileContent } from '../write/atomic.js';

/** sha256 (hex) of a generated file's text, as `readOutput` gives for the file on disk. */
export const contentHash = sha256;

export interface FileChange {
  /** `/`-separated, relative to the output folder. */
  path: string;
  change: 'added' | 'modified' | 'removed';
}

/** The regular files under `dir` by `/`-separated relative path, sorted; none when there is no folder. */
async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  // A folder's relative path once, not a path.relative per file (hundreds, all cold code).
  const folders = new Map<string, string>();
  const prefix = (parent: string) => {
    let rel = folders.get(parent);
    if (rel === undefined) folders.set(parent, (rel = relative(dir, parent).split(sep).join('/')));
    return rel && `${rel}/`;
  };
  return entries
    .filter((e) => e.isFile())
    .map((e) => prefix(e.parentPath) + e.name)
    .sort();
}

/** Every file under `dir` by `/`-separated relative path, sorted; empty when there is no folder. */
export async function readFolder(dir: string): Promise<Map<string, Buffer>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (path) => [path, await readFile(join(dir, path))] as const)));
}

const HASH_CHUNK_BYTES = 1024 * 1024;

/**
 * sha256 of a file, read a chunk at a time into one buffer: a file of any size costs that
 * buffer. Synchronous: the run waits for the hashes anyway, and a stream per file costs more
 * than the reads.
 */
function hashFile(path: string, buffer: Buffer): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** What an earlier run saw of an output folder: each file's sha256 and fileSignature(). */
export interface KnownOutput {
  output: ReadonlyMap<string, string>;
  signatures?: ReadonlyMap<string, string>;
}

export interface OutputState {
  /** sha256 of each file, by `/`-separated relative path, sorted. */
  hashes: Map<string, string>;
  /** fileSignature() of each file. */
  signatures: Map<string, string>;
  /** Whether the files are exactly those of `known`, each with the signature known: their hashes are the known ones, none was read. */
  asKnown: boolean;
}

/**
 * The sha256 of every file docsdk wrote in `outDir` (the marker and the temp folders of an
 * in-place swap excluded), and each file's signature. A file whose signature is the one in
 * `known` is not read: its hash is the one known. Only called once the folder is known to be
 * docsdk's (its marker).
 */
export async function readOutput(outDir: string, known?: KnownOutput): Promise<OutputState> {
  const files = (await listFiles(outDir)).filter((path) => path !== OUTPUT_MARKER && !path.startsWith('.docsdk-tmp-'));
  const signatures = outputSignatures(outDir, files);
  const hashes = new Map<string, string>();
  let buffer: Buffer | undefined;
  let read = 0;
  for (const path of files) {
    const hash = known?.output.get(path);
    if (hash !== undefined && known?.signatures?.get(path) === signatures.get(path)) hashes.set(path, hash);
    else {
      hashes.set(path, hashFile(join(outDir, path), (buffer ??= Buffer.allocUnsafe(HASH_CHUNK_BYTES))));
      read++;
    }
  }
  return { hashes, signatures, asKnown: read === 0 && files.length === known?.output.size };
}

/** fileSignature() of each of `files` (relative paths) in `outDir`; a file that went has none. */
export function outputSignatures(outDir: string, files: Iterable<string>): Map<string, string> {
  const signatures = new Map<string, string>();
  // The folder joined once: `files` are normalised relative paths already.
  const folder = join(outDir, sep);
  for (const path of files) {
    const info = lstatSync(folder + path, { bigint: true, throwIfNoEntry: false });
    if (info) signatures.set(path, fileSignature(info));
  }
  return signatures;
}

/**
 * Files that writing `generated` (path → text or bytes; `hashes`: their sha256, where known, and
 * where the content is left out) would add, change or remove in a folder whose files have the
 * hashes `onDisk`, sorted by path.
 */
export function changedFiles(onDisk: ReadonlyMap<string, string>, generated: ReadonlyMap<string, FileContent>, hashes?: ReadonlyMap<string, string>): FileChange[] {
  const changes: FileChange[] = [];
  for (const [path, text] of generated) {
    const current = onDisk.get(path);
    if (!current) changes.push({ path, change: 'added' });
    else if (current !== (hashes?.get(path) ?? contentHash(text!))) changes.push({ path, change: 'modified' });
  }
  for (const path of onDisk.keys()) if (!generated.has(path)) changes.push({ path, change: 'removed' });
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

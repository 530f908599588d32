// What is on disk in an output folder versus what a run generates: the heart of
// `generate --check` and of the "nothing changed" fast path.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { OUTPUT_MARKER } from '../write/atomic.js';

/** sha256 (hex) of a generated file's text, as `readOutput` gives for the file on disk. */
export const contentHash = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

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
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Every file under `dir` by `/`-separated relative path, sorted; empty when there is no folder. */
export async function readFolder(dir: string): Promise<Map<string, Buffer>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (path) => [path, await readFile(join(dir, path))] as const)));
}

const HASH_STREAMS = 16;

/** sha256 of a file, read as a stream: a file of any size costs a buffer's worth of memory. */
async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/**
 * The sha256 of every file docsdk wrote in `outDir` (the marker and the temp folders of an
 * in-place swap excluded). Only called once the folder is known to be docsdk's (its marker).
 */
export async function readOutput(outDir: string): Promise<Map<string, string>> {
  const files = (await listFiles(outDir)).filter((path) => path !== OUTPUT_MARKER && !path.startsWith('.docsdk-tmp-'));
  const hashes = new Map<string, string>();
  // A few streams at a time: the folder may hold thousands of files, each stream a buffer.
  for (let i = 0; i < files.length; i += HASH_STREAMS) {
    const batch = files.slice(i, i + HASH_STREAMS);
    const sums = await Promise.all(batch.map((path) => hashFile(join(outDir, path))));
    batch.forEach((path, n) => hashes.set(path, sums[n]));
  }
  return hashes;
}

/** Files that writing `generated` would add, change or remove in a folder whose files have the hashes `onDisk`, sorted by path. */
export function changedFiles(onDisk: ReadonlyMap<string, string>, generated: ReadonlyMap<string, string>): FileChange[] {
  const changes: FileChange[] = [];
  for (const [path, text] of generated) {
    const current = onDisk.get(path);
    if (!current) changes.push({ path, change: 'added' });
    else if (current !== contentHash(text)) changes.push({ path, change: 'modified' });
  }
  for (const path of onDisk.keys()) if (!generated.has(path)) changes.push({ path, change: 'removed' });
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

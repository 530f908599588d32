// What is on disk in an output folder versus what a run generates: the heart of
// `generate --check` and of the "nothing changed" fast path.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { OUTPUT_MARKER } from '../write/atomic.js';

export interface FileChange {
  /** `/`-separated, relative to the output folder. */
  path: string;
  change: 'added' | 'modified' | 'removed';
}

/** Every file under `dir` by `/`-separated relative path, sorted; empty when there is no folder. */
export async function readFolder(dir: string): Promise<Map<string, Buffer>> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
  return new Map(await Promise.all(files.map(async (path) => [path, await readFile(join(dir, path))] as const)));
}

/** Every file docsdk wrote in `outDir`, its marker excluded. */
export async function readOutput(outDir: string): Promise<Map<string, Buffer>> {
  const files = await readFolder(outDir);
  files.delete(OUTPUT_MARKER);
  return files;
}

/** Files that writing `generated` would add, change or remove in a folder holding `onDisk`, sorted by path. */
export function changedFiles(onDisk: ReadonlyMap<string, Buffer>, generated: ReadonlyMap<string, string>): FileChange[] {
  const changes: FileChange[] = [];
  for (const [path, text] of generated) {
    const current = onDisk.get(path);
    if (!current) changes.push({ path, change: 'added' });
    else if (!current.equals(Buffer.from(text))) changes.push({ path, change: 'modified' });
  }
  for (const path of onDisk.keys()) if (!generated.has(path)) changes.push({ path, change: 'removed' });
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

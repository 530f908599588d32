import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { DEFAULT_MAX_PAGE_BYTES, type PageFile } from './page-file.js';

const PAGE_PATTERN = '**/*.{html,htm,md,markdown}';

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
    const hits = await expandInput(input, cwd);
    if (hits.length === 0) missing.push(input);
    for (const hit of hits) if (!found.has(hit.abs)) found.set(hit.abs, hit);
  }
  const pages = [...found.values()].sort((a, b) => compareStrings(a.abs, b.abs));
  return { pages, missing };
}

async function expandInput(input: string, cwd: string): Promise<FoundPage[]> {
  if (isDynamicPattern(input)) {
    const root = path.resolve(cwd, staticPrefix(input));
    const files = await glob(input, { cwd, absolute: true, onlyFiles: true });
    return files.map((abs) => ({ abs: path.resolve(abs), root }));
  }
  const abs = path.resolve(cwd, input);
  const info = await stat(abs).catch(() => undefined);
  if (!info) return [];
  if (info.isDirectory()) {
    const files = await glob(PAGE_PATTERN, { cwd: abs, absolute: true, onlyFiles: true });
    return files.map((file) => ({ abs: path.resolve(file), root: abs }));
  }
  const inCwd = !path.relative(cwd, abs).startsWith('..');
  return [{ abs, root: inCwd ? cwd : path.dirname(abs) }];
}

/** The folder part of a glob before its first dynamic segment. */
function staticPrefix(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const part of parts) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}

/** Byte-order comparison, so page order never depends on the locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A page reader that leaves files over `maxBytes` unread (a 5 GB file must not fill the memory). */
export function pageReader(maxBytes: number): (page: FoundPage) => Promise<PageFile> {
  return async (page) => {
    const rel = path.relative(page.root, page.abs).split(path.sep).join('/');
    const file = await open(page.abs);
    try {
      const { size } = await file.stat();
      if (size > maxBytes) return { abs: page.abs, rel, bytes: Buffer.alloc(0), oversize: { size, limit: maxBytes } };
      return { abs: page.abs, rel, bytes: await file.readFile() };
    } finally {
      await file.close();
    }
  };
}

export const readPage = pageReader(DEFAULT_MAX_PAGE_BYTES);

/** The pages `inputs` name, read, and the inputs that named none. */
export interface ReadPages {
  files: PageFile[];
  missing: string[];
}

/** Finds and reads the pages of `inputs` (files, folders, globs). */
export async function readPages(inputs: string[], { cwd, maxPageBytes }: { cwd?: string; maxPageBytes?: number }): Promise<ReadPages> {
  const found = await findPages(inputs, cwd);
  const files = await Promise.all(found.pages.map(pageReader(maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES)));
  return { files, missing: found.missing };
}

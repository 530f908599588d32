import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { holdRunLock } from '../../generator/write/run-lock.js';
import { beginOutput, OUTPUT_MARKER, STREAM_MIN_FILES, writeOutput, type FileContent } from '../../generator/write/atomic.js';

let parent: string;
let out: string;
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'docsdk-write-'));
  out = join(parent, 'sdk');
});
afterEach(() => rm(parent, { recursive: true, force: true }));

/** Every file under `dir` (relative path → content), folders walked. */
async function tree(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      result[path.slice(dir.length + 1)] = await readFile(path, 'utf8');
    }
  }
  return result;
}

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('writeOutput', () => {
  test('writes the files and the marker, and leaves nothing beside the output', async () => {
    await writeOutput(out, files({ 'a.ts': 'a', 'src/models/B.ts': 'b' }));
    expect(await tree(out)).toEqual({ 'a.ts': 'a', 'src/models/B.ts': 'b', [OUTPUT_MARKER]: expect.any(String) });
    expect(await readdir(parent)).toEqual(['sdk']);
  });

  test('a file given without its text is the file of the current output: linked when unchanged, else copied', async () => {
    await writeOutput(out, files({ 'a.ts': 'a', 'b.ts': 'b' }));
    const before = await stat(join(out, 'a.ts'));
    await writeOutput(out, new Map([['a.ts', undefined], ['b.ts', undefined], ['c.ts', 'c']]), { unchanged: new Set(['a.ts']) });
    expect(await tree(out)).toEqual({ 'a.ts': 'a', 'b.ts': 'b', 'c.ts': 'c', [OUTPUT_MARKER]: expect.any(String) });
    expect((await stat(join(out, 'a.ts'))).ino).toBe(before.ino);
  });

  test('replaces the previous output as a whole: removed files are gone', async () => {
    await writeOutput(out, files({ 'old.ts': 'old', 'keep.ts': '1' }));
    await writeOutput(out, files({ 'keep.ts': '2' }));
    expect(await tree(out)).toEqual({ 'keep.ts': '2', [OUTPUT_MARKER]: expect.any(String) });
    expect(await readdir(parent)).toEqual(['sdk']);
  });

  test('removing the previous output removes a link in it, never what it links to', async () => {
    await writeOutput(out, files({ 'a.ts': 'a', 'src/models/B.ts': 'b' }));
    await mkdir(join(parent, 'outside'));
    await writeFile(join(parent, 'outside', 'keep.txt'), 'keep');
    await symlink(join(parent, 'outside'), join(out, 'src', 'linked'));
    await symlink(join(parent, 'outside', 'keep.txt'), join(out, 'src', 'models', 'keep.txt'));
    await writeOutput(out, files({ 'a.ts': 'a2' }));
    expect(await tree(out)).toEqual({ 'a.ts': 'a2', [OUTPUT_MARKER]: expect.any(String) });
    expect(await tree(join(parent, 'outside'))).toEqual({ 'keep.txt': 'keep' });
    expect((await readdir(parent)).sort()).toEqual(['outside', 'sdk']);
  });

  test('creates missing parent folders and fills an empty folder', async () => {
    const nested = join(parent, 'x', 'y');
    await writeOutput(nested, files({ 'a.ts': 'a' }));
    await mkdir(join(parent, 'empty'));
    await writeOutput(join(parent, 'empty'), files({ 'b.ts': 'b' }));
    expect(await readFile(join(nested, 'a.ts'), 'utf8')).toBe('a');
    expect(await readFile(join(parent, 'empty', 'b.ts'), 'utf8')).toBe('b');
  });

  test('refuses to replace a folder docsdk did not write, or a file', async () => {
    await mkdir(out);
    await writeFile(join(out, 'precious.txt'), 'mine');
    await expect(writeOutput(out, files({ 'a.ts': 'a' }))).rejects.toThrow(/did not write/);
    expect(await tree(out)).toEqual({ 'precious.txt': 'mine' });
    await writeFile(join(parent, 'file'), 'x');
    await expect(writeOutput(join(parent, 'file'), files({ 'a.ts': 'a' }))).rejects.toThrow(/not a folder/);
  });

  test.each([
    ['../escape.ts'],
    ['src/../../escape.ts'],
    ['/etc/passwd'],
    ['C:/x.ts'],
    ['src\\..\\x.ts'],
    ['a//b.ts'],
    ['./a.ts'],
    ['CON.ts'],
    ['src/nul'],
    ['name.'],
    ['a\u0000b'],
    ['x'.repeat(256)],
  ])('refuses %j before touching anything', async (path) => {
    await writeOutput(out, files({ 'a.ts': 'previous' }));
    await expect(writeOutput(out, files({ 'a.ts': 'new', [path]: 'evil' }))).rejects.toThrow(/refusing/);
    expect(await tree(out)).toEqual({ 'a.ts': 'previous', [OUTPUT_MARKER]: expect.any(String) });
    expect(await readdir(parent)).toEqual(['sdk']);
  });

  test('refuses two paths that are one file on a case-insensitive file system', async () => {
    await expect(writeOutput(out, files({ 'src/UserDto.ts': 'a', 'src/userdto.ts': 'b' }))).rejects.toThrow(/case-insensitive/);
    await expect(writeOutput(out, files({ 'src/Models/a.ts': 'a', 'src/models/b.ts': 'b' }))).rejects.toThrow(/case-insensitive/);
    await expect(writeOutput(out, files({ [OUTPUT_MARKER]: 'x' }))).rejects.toThrow(/marker/);
  });

  test('files made alongside the check are staged beside it, the marker after both', async () => {
    const seen: Record<string, Record<string, string>> = {};
    await writeOutput(out, files({ 'a.ts': 'a' }), {
      beforeSwap: async (staged) => {
        seen.atCheck = await tree(staged);
      },
      alongside: () => ({ files: files({ 'docs/big.json': '{}' }) }),
    });
    // The check sees the files, not yet the marker.
    expect(seen.atCheck).toEqual({ 'a.ts': 'a' });
    expect(await tree(out)).toEqual({ 'a.ts': 'a', 'docs/big.json': '{}', [OUTPUT_MARKER]: expect.any(String) });
    expect(await readdir(parent)).toEqual(['sdk']);
  });

  test('a failing check wins over a failing alongside file, and neither swaps anything in', async () => {
    await writeOutput(out, files({ 'a.ts': 'previous' }));
    const failing = { beforeSwap: () => Promise.reject(new Error('type error')), alongside: () => ({ files: files({ 'b.json': 'x' }) }) };
    await expect(writeOutput(out, files({ 'a.ts': 'new' }), failing)).rejects.toThrow('type error');
    await expect(
      writeOutput(out, files({ 'a.ts': 'new' }), { ...failing, alongside: () => Promise.reject(new Error('no documents')) }),
    ).rejects.toThrow('type error');
    await expect(writeOutput(out, files({ 'a.ts': 'new' }), { alongside: () => Promise.reject(new Error('no documents')) })).rejects.toThrow('no documents');
    expect(await tree(out)).toEqual({ 'a.ts': 'previous', [OUTPUT_MARKER]: expect.any(String) });
    expect(await readdir(parent)).toEqual(['sdk']);
  });

  test.each([['../escape.json'], [OUTPUT_MARKER], ['A.ts']])('refuses %j made alongside, and swaps nothing in', async (path) => {
    await writeOutput(out, files({ 'a.ts': 'previous' }));
    await expect(writeOutput(out, files({ 'a.ts': 'new' }), { alongside: () => ({ files: files({ [path]: 'evil' }) }) })).rejects.toThrow(/refusing|marker|case-insensitive/);
    expect(await tree(out)).toEqual({ 'a.ts': 'previous', [OUTPUT_MARKER]: expect.any(String) });
    expect(await readdir(parent)).toEqual(['sdk']);
  });

  test('a run that fails while writing leaves the previous output and no temp folder', async () => {
    await writeOutput(out, files({ 'a.ts': 'previous' }));
    // `a` as a file and as a folder: the write fails half-way.
    await expect(writeOutput(out, files({ 'a.ts': 'new', a: 'file', 'a/b.ts': 'x' }))).rejects.toThrow();
    expect(await tree(out)).toEqual({ 'a.ts': 'previous', [OUTPUT_MARKER]: expect.any(String) });
    expect(await readdir(parent)).toEqual(['sdk']);
  });

  test('clears temp folders of dead runs, and puts back an output a dead run had moved aside', async () => {
    await writeOutput(out, files({ 'a.ts': 'previous' }));
    // A run killed between its two renames: the output is aside, the new build complete, its lock a dead socket file.
    await rename(out, join(parent, '.docsdk-tmp-sdk-0123abcd-old'));
    await mkdir(join(parent, '.docsdk-tmp-sdk-0123abcd-new'));
    await writeFile(join(parent, '.docsdk-tmp-sdk-0123abcd-lock'), '');
    // A run killed while writing, and a folder of another output that must be left alone.
    await mkdir(join(parent, '.docsdk-tmp-sdk-89abcdef-new'));
    await mkdir(join(parent, '.docsdk-tmp-other-89abcdef-new'));

    await writeOutput(out, files({ 'a.ts': 'new' }));
    expect(await tree(out)).toEqual({ 'a.ts': 'new', [OUTPUT_MARKER]: expect.any(String) });
    expect((await readdir(parent)).sort()).toEqual(['.docsdk-tmp-other-89abcdef-new', 'sdk']);
  });

  test('an output a dead run had moved aside is back even if the next run fails', async () => {
    await writeOutput(out, files({ 'a.ts': 'previous' }));
    await rename(out, join(parent, '.docsdk-tmp-sdk-0123abcd-old'));
    await expect(writeOutput(out, files({ a: 'file', 'a/b.ts': 'x' }))).rejects.toThrow();
    expect(await tree(out)).toEqual({ 'a.ts': 'previous', [OUTPUT_MARKER]: expect.any(String) });
    expect(await readdir(parent)).toEqual(['sdk']);
  });

  test('leaves the temp folders of a live run alone (its lock is held), whatever its PID', async () => {
    const live = join(parent, '.docsdk-tmp-sdk-0123abcd');
    const lock = await holdRunLock(`${live}-lock`);
    try {
      await mkdir(`${live}-new`);
      await writeOutput(out, files({ 'a.ts': 'a' }));
      expect((await readdir(parent)).sort()).toEqual(['.docsdk-tmp-sdk-0123abcd-lock', '.docsdk-tmp-sdk-0123abcd-new', 'sdk']);
    } finally {
      await lock.release();
    }
    await writeOutput(out, files({ 'a.ts': 'b' }));
    expect(await readdir(parent)).toEqual(['sdk']);
  });
});

describe('beginOutput: a write begun before its files are all made', () => {
  /** `n` model files, more than STREAM_MIN_FILES where a worker writes them. */
  const many = (n = STREAM_MIN_FILES + 40, version = 'new') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`src/models/M${i}.ts`, `// ${version} ${i}\n`]));
  const staged = async () => (await readdir(parent)).filter((name) => name.endsWith('-new'));
  const begin = async () => {
    const write = await beginOutput(out);
    if (!write) throw new Error('not begun');
    return write;
  };

  test('the staged folder is made and locked at once; the files added are written there before the finish, on the worker', async () => {
    await writeOutput(out, files({ 'a.ts': 'previous' }));
    const write = await begin();
    const [folder] = await staged();
    expect((await readdir(parent)).sort()).toEqual([folder.replace(/-new$/, '-lock'), folder, 'sdk']);
    const all = { 'a.ts': 'a', ...many() };
    for (const [path, text] of Object.entries(all)) write.add(path, text);
    // Written by the worker while this thread waits (the finish is not called yet), in batches: the last is handed over at the finish.
    const half = Object.keys(all).length / 2;
    for (let tries = 0; tries < 2000 && Object.keys(await tree(join(parent, folder))).length < half; tries++) await new Promise((resolve) => setTimeout(resolve, 5));
    const early = await tree(join(parent, folder));
    expect(Object.keys(early).length).toBeGreaterThanOrEqual(half);
    // Each the text added, or (the worker still writing it) the start of that text.
    expect(Object.entries(early).filter(([path, text]) => !(all as Record<string, string>)[path]?.startsWith(text))).toEqual([]);
    expect(await tree(out)).toEqual({ 'a.ts': 'previous', [OUTPUT_MARKER]: expect.any(String) });
    await write.finish(files(all));
    expect(await tree(out)).toEqual({ ...all, [OUTPUT_MARKER]: expect.any(String) });
    expect(await readdir(parent)).toEqual(['sdk']);
  });

  test('the output is exactly the files finished: a file added with other text, or not added, or added and then left out', async () => {
    await writeOutput(out, files({ 'kept.ts': 'kept', 'b.ts': 'b' }));
    const before = await stat(join(out, 'kept.ts'));
    const write = await begin();
    const added = many();
    for (const [path, text] of Object.entries(added)) write.add(path, text);
    write.add('changed.ts', 'first');
    write.add('dropped.ts', 'dropped');
    // In a folder of its own: the folder goes with it, as writeOutput would not make it.
    write.add('gone/dropped.ts', 'dropped');
    const final = new Map<string, FileContent>([...Object.entries(added), ['changed.ts', 'second'], ['late.ts', 'late'], ['kept.ts', undefined], ['b.ts', undefined]]);
    await write.finish(final, { unchanged: new Set(['kept.ts']) });
    expect(await tree(out)).toEqual({ ...added, 'changed.ts': 'second', 'late.ts': 'late', 'kept.ts': 'kept', 'b.ts': 'b', [OUTPUT_MARKER]: expect.any(String) });
    expect((await stat(join(out, 'kept.ts'))).ino).toBe(before.ino);
    expect(existsSync(join(out, 'gone'))).toBe(false);
    expect(await readdir(parent)).toEqual(['sdk']);
  });

  test.each([[STREAM_MIN_FILES + 40], [3]])('abandoned with %i files added: the worker stops, nothing is swapped in, nothing is left beside', async (n) => {
    await writeOutput(out, files({ 'a.ts': 'previous' }));
    const write = await begin();
    for (const [path, text] of Object.entries(many(n))) write.add(path, text);
    await write.abandon();
    // Long enough for a worker that was still booting to write (it boots in 40-150 ms), had it not been stopped.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await tree(out)).toEqual({ 'a.ts': 'previous', [OUTPUT_MARKER]: expect.any(String) });
    expect(await readdir(parent)).toEqual(['sdk']);
  });

  test.each([['../escape.ts'], [OUTPUT_MARKER], ['src/models/m0.ts']])('a path writeOutput refuses (%j) is refused at the finish with its error, and nothing is swapped in', async (path) => {
    await writeOutput(out, files({ 'a.ts': 'previous' }));
    const all = new Map([...Object.entries(many()), [path, 'evil']]);
    const refused = await writeOutput(out, all).catch((error: Error) => error.message);
    const write = await begin();
    for (const [file, text] of all) write.add(file, text);
    await expect(write.finish(all)).rejects.toThrow(refused as string);
    expect(refused).toMatch(/refusing/);
    expect(await tree(out)).toEqual({ 'a.ts': 'previous', [OUTPUT_MARKER]: expect.any(String) });
    expect(await readdir(parent)).toEqual(['sdk']);
  });

  test("the worker's write error rejects the finish as the file system's error, and nothing is swapped in", async () => {
    await writeOutput(out, files({ 'a.ts': 'previous' }));
    const write = await begin();
    // `a` as a file and as a folder: the worker fails on the second.
    const all = new Map([...Object.entries(many()), ['a', 'file'], ['a/b.ts', 'x']]);
    for (const [path, text] of all) write.add(path, text);
    await expect(write.finish(all)).rejects.toMatchObject({ code: expect.stringMatching(/^E[A-Z]+$/), path: expect.stringContaining(join(parent, '.docsdk-tmp-sdk-')) });
    expect(await tree(out)).toEqual({ 'a.ts': 'previous', [OUTPUT_MARKER]: expect.any(String) });
    expect(await readdir(parent)).toEqual(['sdk']);
  });

  test('a failing check swaps nothing in and removes the staged files', async () => {
    await writeOutput(out, files({ 'a.ts': 'previous' }));
    const write = await begin();
    const all = files(many());
    for (const [path, text] of all) write.add(path, text);
    let seen: Record<string, string> = {};
    const beforeSwap = async (dir: string) => {
      seen = await tree(dir);
      throw new Error('type error');
    };
    await expect(write.finish(all, { beforeSwap })).rejects.toThrow('type error');
    expect(seen).toEqual(many());
    expect(await tree(out)).toEqual({ 'a.ts': 'previous', [OUTPUT_MARKER]: expect.any(String) });
    expect(await readdir(parent)).toEqual(['sdk']);
  });

  test('not begun where the output folder has no parent yet (a run that then writes nothing must not make it)', async () => {
    expect(await beginOutput(join(parent, 'x', 'sdk'))).toBeUndefined();
    expect(await readdir(parent)).toEqual([]);
  });
});

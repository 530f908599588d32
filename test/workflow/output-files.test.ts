import { mkdir, mkdtemp, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles, contentHash, readOutput } from '../../generator/workflow/output-files.js';

describe('readOutput', () => {
  it('hashes every file below the folder by relative path, without the output marker', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docsdk-out-'));
    await mkdir(join(dir, 'src/models'), { recursive: true });
    await writeFile(join(dir, 'src/models/user-dto.ts'), 'a');
    await writeFile(join(dir, 'package.json'), 'b');
    await writeFile(join(dir, '.docsdk-output'), 'marker');
    const files = (await readOutput(dir)).hashes;
    expect([...files.keys()]).toEqual(['package.json', 'src/models/user-dto.ts']);
    expect(files.get('package.json')).toBe(contentHash('b'));
  });

  it('takes the known hash of a file whose signature is the known one, and hashes a file whose signature changed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docsdk-out-'));
    await writeFile(join(dir, 'a.ts'), 'one');
    await writeFile(join(dir, 'b.ts'), 'two');
    const { signatures } = await readOutput(dir);
    // A known hash the file does not have: taken on the signature's word, so the file was not read.
    const known = { output: new Map([['a.ts', 'known'], ['b.ts', 'known']]), signatures };
    expect((await readOutput(dir, known)).hashes).toEqual(new Map([['a.ts', 'known'], ['b.ts', 'known']]));
    // Same size, its modification time put back (as `cp -p` or `rsync -t` do): the change time still tells.
    const { mtime } = await stat(join(dir, 'b.ts'));
    // Past the file system's clock tick (within one, a change time could repeat: the case the recorded signatures leave out).
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeFile(join(dir, 'b.ts'), 'TWO');
    await utimes(join(dir, 'b.ts'), mtime, mtime);
    expect((await readOutput(dir, known)).hashes).toEqual(new Map([['a.ts', 'known'], ['b.ts', contentHash('TWO')]]));
  });

  it('says the folder is as known only when every file has its known signature and none is missing or new', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docsdk-out-'));
    await writeFile(join(dir, 'a.ts'), 'one');
    await writeFile(join(dir, 'b.ts'), 'two');
    const first = await readOutput(dir);
    expect(first.asKnown).toBe(false);
    const known = { output: first.hashes, signatures: first.signatures };
    expect((await readOutput(dir, known)).asKnown).toBe(true);
    // A file the record does not have, one it has that is gone, one whose signature is not recorded.
    expect((await readOutput(dir, { ...known, output: new Map([...first.hashes, ['c.ts', 'x']]) })).asKnown).toBe(false);
    expect((await readOutput(dir, { ...known, signatures: new Map([['a.ts', first.signatures.get('a.ts')!]]) })).asKnown).toBe(false);
    await writeFile(join(dir, 'c.ts'), 'three');
    expect((await readOutput(dir, known)).asKnown).toBe(false);
  });

  it('is empty for a folder that does not exist', async () => {
    expect((await readOutput(join(tmpdir(), 'docsdk-no-such-folder'))).hashes.size).toBe(0);
  });
});

describe('changedFiles', () => {
  it('lists added, modified and removed files, sorted by path', () => {
    const onDisk = new Map([
      ['a.ts', contentHash('same')],
      ['b.ts', contentHash('old')],
      ['c.ts', contentHash('gone')],
    ]);
    const generated = new Map([
      ['a.ts', 'same'],
      ['b.ts', 'new'],
      ['aa.ts', 'added'],
    ]);
    expect(changedFiles(onDisk, generated)).toEqual([
      { path: 'aa.ts', change: 'added' },
      { path: 'b.ts', change: 'modified' },
      { path: 'c.ts', change: 'removed' },
    ]);
  });

  it('compares bytes, so an encoding difference counts', () => {
    expect(changedFiles(new Map([['x', contentHash(Buffer.from('é', 'latin1'))]]), new Map([['x', 'é']]))).toEqual([{ path: 'x', change: 'modified' }]);
  });
});

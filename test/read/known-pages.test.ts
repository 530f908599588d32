// Pages an earlier run read are not read again where their files are unchanged (their
// signature): the page then carries the sha256 its bytes had, and is read after all only when
// it must be parsed.
import { mkdtemp, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages, rereadPage } from '../../generator/read/inputs.js';
import { isSettled } from '../../generator/read/file-signature.js';
import { pageIdentity, pageSha256, sha256 } from '../../generator/workflow/fingerprint.js';

describe('readPages with known pages', () => {
  it('skips a page whose signature is known, reads one whose file changed, and rereads a skipped one on demand', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docsdk-known-'));
    await writeFile(join(dir, 'a.md'), '# A\n');
    await writeFile(join(dir, 'b.md'), '# B\n');
    const first = await readPages([dir], {});
    const known = new Map(first.files.map((page) => [page.abs, { signature: page.signature!, sha256: pageSha256(page) }]));

    // b.md rewritten to the same size, its modification time put back: its change time tells.
    const { mtime } = await stat(join(dir, 'b.md'));
    await new Promise((resolve) => setTimeout(resolve, 50)); // past the file system's clock tick
    await writeFile(join(dir, 'b.md'), '# C\n');
    await utimes(join(dir, 'b.md'), mtime, mtime);

    const [a, b] = (await readPages([dir], { known })).files;
    expect([a.bytes.length, a.unchangedSha256]).toEqual([0, sha256('# A\n')]);
    expect([b.bytes.toString(), b.unchangedSha256]).toEqual(['# C\n', undefined]);
    // The identity of a page not read is that of the page read.
    expect(pageIdentity(a)).toBe(pageIdentity(first.files[0]));
    const reread = rereadPage(a, 1024);
    expect([reread.bytes.toString(), reread.unchangedSha256, reread.signature]).toEqual(['# A\n', undefined, a.signature]);
  });

  it('trusts only signatures of files last written over a clock tick before they were taken', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docsdk-known-'));
    await writeFile(join(dir, 'old.md'), '# Old\n');
    await writeFile(join(dir, 'new.md'), '# New\n');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(dir, 'old.md'), anHourAgo, anHourAgo);
    const now = Date.now();
    const settled = (await readPages([dir], {})).files.map((page) => [page.rel, isSettled(page.signature!, now)]);
    expect(settled).toEqual([
      ['new.md', false],
      ['old.md', true],
    ]);
  });
});

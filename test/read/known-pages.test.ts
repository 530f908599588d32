// Pages an earlier run read are not read again where their files are unchanged (their
// signature): the page then carries the sha256 its bytes had, and is read after all only when
// it must be parsed.
import { mkdtemp, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages, rereadPage } from '../../generator/read/inputs.js';
import { settledAt } from '../../generator/read/file-signature.js';
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
    const settled = (await readPages([dir], {})).files.map((page) => [page.rel, settledAt(now)(page.signature!)]);
    expect(settled).toEqual([
      ['new.md', false],
      ['old.md', true],
    ]);
  });

  it('a signature is settled exactly when its modification time is over two seconds before it was taken, to the nanosecond', () => {
    // The rule in nanoseconds, as BigInts: what settledAt counts in whole milliseconds.
    const rule = (mtimeNs: bigint, takenAtMs: number) => mtimeNs < BigInt(Math.floor(takenAtMs)) * 1_000_000n - 2_000_000_000n;
    let seed = 3;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const takenAt = [1_764_604_800_123.75, 2_500.5, 0, 1_999, 2_000, 2_001];
    for (const at of takenAt) {
      const limit = BigInt(Math.floor(at)) * 1_000_000n - 2_000_000_000n;
      const near = [-1n, 0n, 1n, -999_999n, 1_000_000n, -1_000_000n, -1_000_001n].map((d) => limit + d);
      const random = Array.from({ length: 500 }, () => limit + BigInt(next() - 2 ** 30) * BigInt(1 + (next() % 5000)));
      for (const mtime of [...near, ...random, 0n, 5n, -5n, 999_999n, 1_000_000n, -3_000_000_000n]) {
        expect(settledAt(at)(`12:${mtime}:${mtime}:7`), `${mtime} at ${at}`).toBe(rule(mtime, at));
      }
    }
  });
});

import { statSync } from 'node:fs';
import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../generator/write/atomic.js';
import { IncrementalRun, type RunOptions } from '../../generator/workflow/incremental-run.js';
import { createProgress } from '../../generator/workflow/progress.js';
import { contentHash } from '../../generator/workflow/output-files.js';
import { RunCache } from '../../generator/workflow/run-cache.js';
import type { RunResult } from '../../generator/workflow/run-report.js';
import { copyPages } from '../support/workflow-pages.js';
import { ModelFile } from '../../generator/diff/model-file-parts.js';
import { model, operation } from '../support/model.js';

async function options(extra: Partial<RunOptions> = {}): Promise<RunOptions> {
  const dir = await mkdtemp(join(tmpdir(), 'docsdk-run-'));
  return {
    inputs: [await copyPages()],
    out: join(dir, 'sdk'),
    fingerprint: { config: {}, flags: {} },
    cacheFile: join(dir, 'cache.json'),
    progress: createProgress('none'),
    ...extra,
  };
}

describe('IncrementalRun', () => {
  it('replays a recorded run only with the same fingerprint and the output it left on disk', async () => {
    const opts = await options();
    await mkdir(opts.out);
    await writeFile(join(opts.out, OUTPUT_MARKER), '');
    await writeFile(join(opts.out, 'a.ts'), 'A');
    const result: RunResult = { outcome: 'failed', exitCode: 1, diagnostics: [{ severity: 'warning', code: 'w', message: 'm', file: 'p.md' }] };
    const first = await IncrementalRun.start(opts);
    expect(first.pages).toBe(5);
    expect(first.previousResult).toBeUndefined();
    // Nothing written: the folder as it was is what a rerun must find.
    await first.record(result);
    expect((await IncrementalRun.start(opts)).previousResult).toEqual(result);
    expect((await IncrementalRun.start({ ...opts, fingerprint: { config: {}, flags: { strict: true } } })).previousResult).toBeUndefined();
    expect((await IncrementalRun.start({ ...opts, cacheFile: false })).previousResult).toBeUndefined();
    await (await IncrementalRun.start(opts)).record({ ...result, outcome: 'written' }, { hashes: new Map([['a.ts', contentHash('B')]]) });
    expect((await IncrementalRun.start(opts)).previousResult).toBeUndefined();
    await writeFile(join(opts.out, 'a.ts'), 'B');
    expect((await IncrementalRun.start(opts)).previousResult).toEqual({ ...result, outcome: 'written' });
  });

  it('records the signatures of output files written over a tick ago only: a file rewritten within the tick is hashed again', async () => {
    const opts = await options();
    await mkdir(opts.out);
    await writeFile(join(opts.out, OUTPUT_MARKER), '');
    await writeFile(join(opts.out, 'old.ts'), 'A');
    await writeFile(join(opts.out, 'new.ts'), 'B');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(opts.out, 'old.ts'), anHourAgo, anHourAgo);
    const run = await IncrementalRun.start(opts);
    await run.record({ outcome: 'written', exitCode: 0, diagnostics: [] }, { hashes: new Map([['old.ts', contentHash('A')], ['new.ts', contentHash('B')]]) });
    const saved = (await RunCache.open(opts.cacheFile as string)).lastRun;
    expect([...(saved?.signatures?.keys() ?? [])]).toEqual(['old.ts']);
  });

  it('a replay records the signatures that became trustworthy since the run it replays, once', async () => {
    // No pages: theirs would become trustworthy on their own clock.
    const opts = await options({ inputs: [] });
    await mkdir(opts.out);
    await writeFile(join(opts.out, OUTPUT_MARKER), '');
    await writeFile(join(opts.out, 'a.ts'), 'A');
    const result: RunResult = { outcome: 'written', exitCode: 0, diagnostics: [] };
    await (await IncrementalRun.start(opts)).record(result, { hashes: new Map([['a.ts', contentHash('A')]]) });
    const signatures = async () => [...((await RunCache.open(opts.cacheFile as string)).lastRun?.signatures?.keys() ?? [])];
    // Just written: too fresh a signature to record.
    expect(await signatures()).toEqual([]);
    // Later (the file's times moved an hour back stand for the time passed): the replay read the file, and now records its signature.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(opts.out, 'a.ts'), anHourAgo, anHourAgo);
    const replay = await IncrementalRun.start(opts);
    expect(replay.previousResult).toEqual(result);
    await replay.refreshSignatures();
    expect(await signatures()).toEqual(['a.ts']);
    // The next replay trusts it, and has nothing new to record: the cache file is not rewritten.
    const cacheFile = statSync(opts.cacheFile as string, { bigint: true });
    const next = await IncrementalRun.start(opts);
    expect(next.previousResult).toEqual(result);
    await next.refreshSignatures();
    expect(statSync(opts.cacheFile as string, { bigint: true }).ino).toBe(cacheFile.ino);
  });

  it('lists the files writing would change', async () => {
    const opts = await options();
    await mkdir(opts.out);
    await writeFile(join(opts.out, OUTPUT_MARKER), '');
    await writeFile(join(opts.out, 'a.ts'), 'A');
    const run = await IncrementalRun.start(opts);
    expect(run.staleFiles(new Map([['a.ts', 'B']]))).toEqual([{ path: 'a.ts', change: 'modified' }]);
  });

  it('reads the previous model from the output, and ignores one it cannot read', async () => {
    const opts = await options();
    await mkdir(opts.out);
    await writeFile(join(opts.out, OUTPUT_MARKER), '');
    const model = { modelVersion: 1, clients: [], structures: {}, diagnostics: [] };
    await writeFile(join(opts.out, 'docsdk-model.json'), JSON.stringify(model));
    expect(await (await IncrementalRun.start(opts)).previousModel()).toEqual(model);
    await writeFile(join(opts.out, 'docsdk-model.json'), JSON.stringify({ ...model, modelVersion: 2 }));
    expect(await (await IncrementalRun.start(opts)).previousModel()).toBeUndefined();
    await writeFile(join(opts.out, 'docsdk-model.json'), '{ broken');
    expect(await (await IncrementalRun.start(opts)).previousModel()).toBeUndefined();
  });

  it('reads the previous model from the parts that differ only while the file is the one the last run indexed', async () => {
    const opts = await options();
    await mkdir(opts.out);
    await writeFile(join(opts.out, OUTPUT_MARKER), '');
    const before = new ModelFile(model([operation('a'), operation('b')]));
    await writeFile(join(opts.out, 'docsdk-model.json'), before.bytes);
    await (await IncrementalRun.start(opts)).record({ outcome: 'written', exitCode: 0, diagnostics: [] }, { hashes: new Map([['docsdk-model.json', before.sha256]]), modelFile: before.index() });
    expect((await IncrementalRun.start(opts)).lastWritten('docsdk-model.json')).toEqual(before.bytes);
    const now = new ModelFile(model([operation('a'), operation('b', { summary: 'new' })]));
    const read = await (await IncrementalRun.start(opts)).previousModel(() => now);
    expect(read?.clients[0].operations[0]).toBe(now.model.clients[0].operations[0]);
    expect(read?.clients[0].operations[1].summary).toBe('b summary');
    // A run that writes nothing keeps the index: it still holds for the file it left.
    await (await IncrementalRun.start(opts)).record({ outcome: 'failed', exitCode: 1, diagnostics: [] });
    expect((await RunCache.open(opts.cacheFile as string)).lastRun?.modelFile).toEqual(before.index());
    // But it did not write that folder (it may hold files edited by hand since): none of its files is handed out as docsdk's.
    expect((await IncrementalRun.start(opts)).lastWritten('docsdk-model.json')).toBeUndefined();
    // Another file of the same length: its index no longer holds, the file is read whole.
    const other = new ModelFile(model([operation('c'), operation('b')]));
    await writeFile(join(opts.out, 'docsdk-model.json'), other.bytes);
    // Not the bytes the last run wrote: not handed out as those.
    expect((await IncrementalRun.start(opts)).lastWritten('docsdk-model.json')).toBeUndefined();
    const whole = await (await IncrementalRun.start(opts)).previousModel(() => new ModelFile(other.model));
    expect(whole).toEqual(JSON.parse(other.bytes.toString()));
    expect(whole?.clients[0].operations[1]).not.toBe(other.model.clients[0].operations[1]);
  });

  it('refuses an output folder docsdk did not write before reading anything of it', async () => {
    const opts = await options();
    await mkdir(opts.out);
    await writeFile(join(opts.out, 'notes.txt'), 'mine');
    await expect(IncrementalRun.start(opts)).rejects.toThrow(/refusing to replace it: it has files docsdk did not write/);
  });
});

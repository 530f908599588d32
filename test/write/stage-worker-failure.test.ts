// A staging worker that cannot run costs the write its time, not the run: the files it was
// handed are written on the calling thread at the finish. Two ways a worker fails: Node throws
// from the constructor where no thread can be made (ERR_WORKER_INIT_FAILED: EAGAIN under a
// process limit, as in some CI containers), or the worker fails once started.
import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

const failure = vi.hoisted(() => ({ at: 'start' as 'construction' | 'start' }));

vi.mock('node:worker_threads', () => ({
  Worker: class extends EventEmitter {
    constructor() {
      super();
      if (failure.at === 'construction') throw Object.assign(new Error('EAGAIN'), { code: 'ERR_WORKER_INIT_FAILED' });
      // Fails as soon as it is made, before any file is written.
      setImmediate(() => this.emit('error', new Error('no thread')));
    }
    postMessage(): void {}
    ref(): void {}
    unref(): void {}
    terminate(): Promise<number> {
      return Promise.resolve(1);
    }
  },
}));

const { beginOutput, OUTPUT_MARKER, STREAM_MIN_FILES, warmStageWorker } = await import('../../generator/write/atomic.js');

let parent: string;
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'docsdk-stage-worker-'));
});
afterEach(() => rm(parent, { recursive: true, force: true }));

const files = new Map(Array.from({ length: STREAM_MIN_FILES + 10 }, (_, i) => [`src/M${i}.ts`, `// ${i}\n`]));

describe.each(['construction', 'start'] as const)('a worker that fails at its %s', (at) => {
  beforeEach(() => {
    failure.at = at;
  });

  test('the files handed to it are written at the finish, a file handed to it and then left out is not there', async () => {
    expect(() => warmStageWorker()).not.toThrow();
    const out = join(parent, 'sdk');
    const write = await beginOutput(out);
    for (const [path, text] of files) write!.add(path, text);
    // Handed over, perhaps never written by the worker, and not among the finished files.
    write!.add('dropped/only.ts', 'x');
    await new Promise((resolve) => setImmediate(resolve));
    await write!.finish(files);
    const written = await readdir(join(out, 'src'));
    expect(written.length).toBe(files.size);
    expect(await readFile(join(out, 'src/M7.ts'), 'utf8')).toBe('// 7\n');
    expect((await readdir(out)).sort()).toEqual([OUTPUT_MARKER, 'src']);
    expect(await readdir(parent)).toEqual(['sdk']);
  });
});

// A staging worker that cannot run (no thread could be started, or it stopped) costs the write
// its time, not the run: the files it was handed are written on the calling thread at the finish.
import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';

vi.mock('node:worker_threads', () => ({
  // Fails as soon as it is made, before any file is written.
  Worker: class extends EventEmitter {
    constructor() {
      super();
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

const { beginOutput, OUTPUT_MARKER, STREAM_MIN_FILES } = await import('../../generator/write/atomic.js');

let parent: string;
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'docsdk-stage-worker-'));
});
afterEach(() => rm(parent, { recursive: true, force: true }));

test('the files handed to a worker that failed are written at the finish', async () => {
  const out = join(parent, 'sdk');
  const files = new Map(Array.from({ length: STREAM_MIN_FILES + 10 }, (_, i) => [`src/M${i}.ts`, `// ${i}\n`]));
  const write = await beginOutput(out);
  for (const [path, text] of files) write!.add(path, text);
  await new Promise((resolve) => setImmediate(resolve));
  await write!.finish(files);
  const written = await readdir(join(out, 'src'));
  expect(written.length).toBe(files.size);
  expect(await readFile(join(out, 'src/M7.ts'), 'utf8')).toBe('// 7\n');
  expect((await readdir(out)).sort()).toEqual([OUTPUT_MARKER, 'src']);
  expect(await readdir(parent)).toEqual(['sdk']);
});

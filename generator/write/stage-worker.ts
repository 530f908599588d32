// Writes files into a staged output folder on a worker thread, while the calling thread goes on
// making the rest of them (atomic.ts's beginOutput): hundreds of small files cost this VM's disk
// 130-330 ms of kernel time, which would otherwise hold the thread that renders the SDK and then
// keep the compiler from starting. The worker needs node:fs alone: its source is a string
// (CommonJS, evaluated), so it starts in a few ms and runs the same from dist/ and from the
// TypeScript sources (vitest).
import { Worker } from 'node:worker_threads';

/** Files per message: a few messages for hundreds of files, and the first ones written early. */
const BATCH = 64;

// Given batches of [target, text, target, text, …] (absolute paths, checked by the caller), then
// null: it answers null, or the first error (the files after it are not written).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const folders = new Set();
let failed = null;
parentPort.on('message', (batch) => {
  if (batch === null) return parentPort.postMessage(failed);
  if (failed) return;
  try {
    for (let i = 0; i < batch.length; i += 2) {
      const folder = dirname(batch[i]);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(batch[i], batch[i + 1]);
    }
  } catch (error) {
    failed = { message: error.message, code: error.code, errno: error.errno, syscall: error.syscall, path: error.path };
  }
});
`;

/** A file system error as the worker saw it, rebuilt so that describeFsError words it as the same error thrown here. */
type FsErrorFields = Pick<NodeJS.ErrnoException, 'message' | 'code' | 'errno' | 'syscall' | 'path'>;
const rebuilt = (fields: FsErrorFields): NodeJS.ErrnoException => Object.assign(new Error(fields.message), fields);

/** The worker writing one staged folder's files. */
export class StageWorker {
  // Unreferenced but while close() waits for it: a run that ends another way is not kept alive by it.
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  private batch: string[] = [];

  constructor() {
    this.worker.unref();
  }

  /** Hands the file at `target` (absolute, checked) to the worker; written in order, soon. */
  write(target: string, text: string): void {
    this.batch.push(target, text);
    if (this.batch.length >= 2 * BATCH) this.post();
  }

  private post(): void {
    if (this.batch.length) this.worker.postMessage(this.batch);
    this.batch = [];
  }

  /** Waits until every file handed over is written, then stops the worker; rejects with the first write's error. */
  async close(): Promise<void> {
    this.post();
    this.worker.ref();
    try {
      const answer = new Promise<FsErrorFields | null>((resolve, reject) => {
        this.worker.once('message', resolve);
        this.worker.once('error', reject);
        this.worker.once('exit', (code) => reject(new Error(`the writing worker stopped (exit code ${code})`)));
      });
      this.worker.postMessage(null);
      const failed = await answer;
      if (failed) throw rebuilt(failed);
    } finally {
      await this.worker.terminate();
    }
  }

  /** Stops the worker where it is: once this resolves, it writes nothing more. */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

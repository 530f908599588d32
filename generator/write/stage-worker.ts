// Writes files into a staged output folder on a worker thread, while the calling thread goes on
// making the rest of them (atomic.ts's beginOutput): hundreds of small files cost this VM's disk
// 20-330 ms of kernel time (765 files at 416 pages, as busy as the disk is), which would
// otherwise hold the thread that renders the SDK and then keep the compiler from starting. The
// worker needs node:fs alone: its source is a string (CommonJS, evaluated), so it loads none of
// docsdk's modules and runs the same from dist/ and from the TypeScript sources (vitest).
import { Worker } from 'node:worker_threads';

/**
 * Files per message: a few dozen messages for hundreds of files, and few left to write when the
 * last is rendered (what is handed over meanwhile is posted too, when this thread next awaits).
 */
const BATCH = 16;

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

/** The worker itself failed (it could not start, or stopped): no file system error, so the files it was handed can be written another way. */
export class StageWorkerError extends Error {
  override readonly name = 'StageWorkerError';
}

/** A file system error as the worker saw it, rebuilt so that describeFsError words it as the same error thrown here. */
type FsErrorFields = Pick<NodeJS.ErrnoException, 'message' | 'code' | 'errno' | 'syscall' | 'path'>;
const rebuilt = (fields: FsErrorFields): NodeJS.ErrnoException => Object.assign(new Error(fields.message), fields);

/** A worker started before a write that will need it (warmStageWorker), not yet taken. */
let warm: StageWorker | undefined;

/**
 * Starts a worker for a write to come, so that it has booted (~30 ms of its own thread, more on
 * a busy machine) by the time the first file is handed to it; the next write to stream takes
 * it. At most one waits: a run that ends before it writes leaves it to the next (--watch), and
 * it keeps no process alive.
 */
export function warmStageWorker(): void {
  StageWorker.warmUp();
}

/** The worker writing one staged folder's files. */
export class StageWorker {
  // No options of this process: one started with --input-type=module would make the source a module, without `require`.
  private readonly worker: Worker | undefined;
  /**
   * How the worker ended, if it did before it was stopped: listened to from its start, so that a
   * worker that fails (or cannot start: Node throws ERR_WORKER_INIT_FAILED from the constructor)
   * costs the write that took it its time (atomic.ts writes its files), not the process.
   */
  private readonly ended: Promise<StageWorkerError>;
  private batch: string[] = [];
  private posting = false;

  private constructor() {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
    } catch (error) {
      this.ended = Promise.resolve(new StageWorkerError(`the writing worker could not start: ${(error as Error).message}`));
      return;
    }
    this.worker = worker;
    this.ended = new Promise<StageWorkerError>((resolve) => {
      worker.once('error', (error) => resolve(new StageWorkerError(`the writing worker failed: ${error.message}`)));
      worker.once('exit', (code) => resolve(new StageWorkerError(`the writing worker stopped (exit code ${code})`)));
    });
    // Referenced only while close() waits for it: a run that ends another way is not kept alive by it.
    worker.unref();
  }

  /** Starts the warmed worker, unless one waits already. */
  static warmUp(): void {
    warm ??= new StageWorker();
  }

  /** Whether a warmed worker waits to be taken. */
  static warmed(): boolean {
    return warm !== undefined;
  }

  /** The warmed worker, or a new one. */
  static take(): StageWorker {
    const taken = warm ?? new StageWorker();
    warm = undefined;
    return taken;
  }

  /** Hands the file at `target` (absolute, checked) to the worker; written in order, soon. */
  write(target: string, text: string): void {
    this.batch.push(target, text);
    if (this.batch.length >= 2 * BATCH) this.post();
    else if (!this.posting) {
      this.posting = true;
      queueMicrotask(() => this.post());
    }
  }

  private post(): void {
    if (this.batch.length) this.worker?.postMessage(this.batch);
    this.batch = [];
    this.posting = false;
  }

  /** Waits until every file handed over is written, then stops the worker; rejects with the first write's error, or StageWorkerError. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) throw await this.ended;
    this.post();
    worker.ref();
    try {
      const answer = new Promise<{ failed: FsErrorFields | null }>((resolve) => worker.once('message', (failed) => resolve({ failed })));
      worker.postMessage(null);
      const outcome = await Promise.race([answer, this.ended.then((error) => ({ error }))]);
      if ('error' in outcome) throw outcome.error;
      if (outcome.failed) throw rebuilt(outcome.failed);
    } finally {
      // Not awaited: it has nothing more to write (2-3 ms).
      void worker.terminate();
    }
  }

  /** Stops the worker where it is: once this resolves, it writes nothing more. */
  async stop(): Promise<void> {
    await this.worker?.terminate();
  }
}

// The SDK type check, started before there is an SDK to check: on a worker thread, the
// compiler and its lib files load while pages are parsed, the SDK's files are parsed as they
// are emitted, and only checking them is left once the last one is in.
import { Worker } from 'node:worker_threads';

export interface TypeCheck {
  /** One emitted file (relative path); tsconfig.json and package.json before the .ts files. */
  setFile(path: string, text: string): void;
  /** Type errors of the files set; rejects when the tsconfig.json is unusable. */
  errors(): Promise<string[]>;
  /** Milliseconds the worker spent loading the compiler's lib files, once known. */
  readonly warmupMs?: number;
  /** Stops the check (after errors(), or when the run ends early). */
  close(): void;
}

export interface TypeCheckWorkerData {
  templatesDir?: string;
}

export type CheckRequest = { file: [path: string, text: string] } | { check: true };
export type CheckResponse = { errors: string[]; warmupMs: number } | { failed: string };

// Workers run compiled JavaScript; from TypeScript sources (vitest) the check runs in-process.
const workerFile = import.meta.url.endsWith('.js') ? new URL('./type-check-worker.js', import.meta.url) : undefined;

/** Starts a type check for an SDK emitted with the templates of `templatesDir` (default ones when absent). */
export function startTypeCheck(templatesDir?: string): TypeCheck {
  return workerFile ? new WorkerTypeCheck(workerFile, { templatesDir }) : new InProcessTypeCheck();
}

class WorkerTypeCheck implements TypeCheck {
  private readonly worker: Worker;
  private readonly response: Promise<CheckResponse>;
  warmupMs?: number;

  constructor(file: URL, data: TypeCheckWorkerData) {
    this.worker = new Worker(file, { workerData: data });
    // Never the reason the process stays alive, whatever path the run takes.
    this.worker.unref();
    this.response = new Promise((resolve, reject) => {
      this.worker.once('message', resolve);
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`type-check worker stopped (exit code ${code})`)));
    });
    // Awaited only in errors(); a run that stops early must not see an unhandled rejection.
    this.response.catch(() => undefined);
  }

  setFile(path: string, text: string): void {
    this.worker.postMessage({ file: [path, text] } satisfies CheckRequest);
  }

  async errors(): Promise<string[]> {
    // Waited for now: keep the process alive until the answer is in.
    this.worker.ref();
    this.worker.postMessage({ check: true } satisfies CheckRequest);
    const response = await this.response;
    if ('failed' in response) throw new Error(response.failed);
    this.warmupMs = response.warmupMs;
    return response.errors;
  }

  close(): void {
    void this.worker.terminate();
  }
}

/** The same check on the calling thread, all at once in errors(). */
class InProcessTypeCheck implements TypeCheck {
  private readonly files = new Map<string, string>();

  setFile(path: string, text: string): void {
    this.files.set(path, text);
  }

  async errors(): Promise<string[]> {
    const { typeErrors } = await import('./type-check.js');
    return typeErrors(this.files);
  }

  close(): void {}
}

// Parses many pages on all cores: worker threads and the calling thread take small chunks of
// pages from one shared counter until none are left, and every result goes to its page's slot,
// so the output order is the input order whatever thread parsed what.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PageFile } from '../read/page-file.js';
import { freeCores, sampleCpu, type CpuSample } from './idle-cores.js';
import type { PageResult } from './page.js';

/** Pages one claim takes: small enough to balance the threads, large enough to keep messages few. */
export const CHUNK = 4;

/**
 * Pages per worker thread. Starting a worker costs this thread 10-25 ms (the pages are copied
 * to it) and the worker 30-50 ms of CPU, loading the parser 55-90 ms more; but most of its
 * warm-up is V8 compiling the parser's hot code again for the worker's own heap, on the
 * background threads all heaps share: about 0.55 s of CPU at 416 pages, which one thread's
 * parse already spends beside its 0.8-1.0 s, on the core the worker would use. Measured with
 * the other core idle (medians): generate on 416 pages parsed in 1.45 s with a worker against
 * 1.25 s without, the run took 3.61 s against 3.58 s and 0.6 s more CPU (11 runs each); the
 * parse alone of 1,000 pages took 2.55 s against 2.75 s (19 and 20 runs), 1.1 s more CPU.
 */
export const PAGES_PER_WORKER = 1000;

/** What a worker is given: the pages and the counter of the next unclaimed page. */
export interface ParseWorkerData {
  files: PageFile[];
  cursor: Int32Array;
  /** The page profile the user named, if any. */
  profile?: string;
}

/** What a worker posts per chunk it parsed. */
export interface ParsedChunk {
  start: number;
  results: PageResult[];
}

// Workers run compiled JavaScript; from TypeScript sources (vitest) everything stays in-process.
const workerFile = import.meta.url.endsWith('.js') ? new URL('./parse-worker.js', import.meta.url) : undefined;

/** Claims chunks from `cursor` until every page is claimed, handing each claimed index to `parse`. */
export function claimChunks(cursor: Int32Array, total: number, parse: (start: number, end: number) => void): void {
  for (;;) {
    const start = Atomics.add(cursor, 0, CHUNK);
    if (start >= total) return;
    parse(start, Math.min(start + CHUNK, total));
  }
}

/**
 * A core counts as free when other processes used less than this share of it: a worker that
 * has to share its core costs more than it parses. On two cores with another process keeping
 * one busy, parsing 416 pages took 2.14 s with a worker against 1.46 s without (medians of 34
 * and 37 runs); at load average 27, 15.4 s and 3.5 s of CPU against 13.3 s and 2.9 s.
 */
export const BUSY_SHARE = 0.25;

/** Threads worth using: the calling one, plus one per further core other processes left free (freeCores). */
export function idleThreads(free: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(free + BUSY_SHARE)));
}

/** When this module was loaded: the start of the window parsePages measures the load over when the caller names none. */
const loadedAt = sampleCpu();

export function workerCount(pages: number, threads: number): number {
  if (!workerFile) return 0;
  return Math.max(0, Math.min(threads - 1, Math.floor(pages / PAGES_PER_WORKER)));
}

export interface ParsePagesOptions {
  /** Threads to use, the calling one included; default: idleThreads() of the cores left free since `since`. */
  threads?: number;
  /** A sample from the start of the run (sampleCpu()); default: when this module was loaded. */
  since?: CpuSample;
  /** Called once per page, in no particular order, when its result is in (progress). */
  onParsed?: (index: number) => void;
  /** Read every page with this profile (`--profile`). */
  profile?: string;
}

/** parsePage for every file, results in the order of `files`. */
export async function parsePages(files: PageFile[], options: ParsePagesOptions = {}): Promise<PageResult[]> {
  if (files.length === 0) return [];
  const results: PageResult[] = new Array(files.length);
  const settle = (index: number, result: PageResult) => {
    results[index] = result;
    options.onParsed?.(index);
  };
  const cursor = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const threads = options.threads ?? idleThreads(freeCores(options.since ?? loadedAt, sampleCpu()));
  // Started before this thread loads the parser, so the workers boot while it does.
  const workers = Array.from({ length: workerCount(files.length, threads) }, () =>
    runWorker({ files, cursor, profile: options.profile }, (chunk) => chunk.results.forEach((result, i) => settle(chunk.start + i, result))),
  );
  // The parser (cheerio, htmlparser2 and the readers) is loaded only when a page is to be
  // parsed: a run whose pages all come from the cache never needs it.
  const { parsePageWith } = await import('./page.js');
  const parse = (file: PageFile) => parsePageWith(file, { profile: options.profile });
  // This thread parses too, from the first moment, while the workers are still loading the parser.
  claimChunks(cursor, files.length, (start, end) => {
    for (let i = start; i < end; i++) settle(i, parse(files[i]));
  });
  await Promise.all(workers);
  // A worker that died left its claimed pages unparsed: parse them here, so a parser bug
  // surfaces as that page's own error rather than as a lost worker.
  for (let i = 0; i < files.length; i++) if (!results[i]) settle(i, parse(files[i]));
  return results;
}

function runWorker(data: ParseWorkerData, onChunk: (chunk: ParsedChunk) => void): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(workerFile!, { workerData: data });
    worker.on('message', onChunk);
    // Errors end the worker; its unparsed pages are picked up by parsePages.
    worker.on('error', () => undefined);
    worker.on('exit', () => resolve());
  });
}

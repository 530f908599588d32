// Runs one command as a child process and measures it: wall time from spawn to exit, and peak
// RSS as reported by max-rss.mjs from inside it (the largest of its node processes).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RSS_PRELOAD = new URL('./max-rss.mjs', import.meta.url).href;

/**
 * Runs `node <args>` in `cwd`; resolves to { ms, rssMb, stdout } or rejects with the child's
 * stderr when it exits with a code not in `exitCodes`.
 */
export function measureNode(args, { cwd, env, exitCodes = [0] } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'docsdk-bench-rss-'));
  const rssFile = join(scratch, 'rss');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd,
      env: {
        ...process.env,
        ...env,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${RSS_PRELOAD}`.trim(),
        DOCSDK_BENCH_RSS_FILE: rssFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      try {
        if (!exitCodes.includes(code)) throw new Error(`node ${args.join(' ')} exited ${code}:\n${Buffer.concat(stderr).toString().slice(-2000)}`);
        const rssKb = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));
        resolve({ ms, rssMb: rssKb / 1024, stdout: Buffer.concat(stdout).toString() });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median, min and max of each measured quantity over samples of { ms, rssMb }. */
export function summarize(samples) {
  const ms = samples.map((s) => s.ms);
  return {
    runs: samples.length,
    medianMs: median(ms),
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    rssMb: median(samples.map((s) => s.rssMb)),
    maxRssMb: Math.max(...samples.map((s) => s.rssMb)),
  };
}

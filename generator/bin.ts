#!/usr/bin/env node
// docsdk's bin: runs cli.js in a node whose pool of V8 background threads (garbage collector,
// optimizing compiler: 4 by default) leaves the cores to docsdk's own worker threads. On two
// cores, generate takes ~10% less time with one such thread than with four; starting the
// second node costs ~0.06 s. A pool size the user set is kept.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const POOL_FLAG = '--v8-pool-size';
const cli = new URL('./cli.js', import.meta.url);

const poolSizeSet = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((arg) => arg.startsWith(POOL_FLAG));
if (poolSizeSet) {
  await import(cli.href);
} else {
  const pool = Math.min(4, Math.max(1, availableParallelism() - 1));
  const child = spawn(process.execPath, [...process.execArgv, `${POOL_FLAG}=${pool}`, fileURLToPath(cli), ...process.argv.slice(2)], { stdio: 'inherit' });
  // A terminal's Ctrl-C reaches both processes; the CLI decides what it means (--watch stops).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (code !== null) process.exit(code);
    // Ended by a signal: end the same way.
    process.removeAllListeners(signal!);
    process.kill(process.pid, signal!);
  });
}

#!/usr/bin/env node
// docsdk's bin: runs cli.js in a node whose pool of V8 background threads (garbage collector,
// optimizing compiler: 4 by default) leaves the cores to docsdk's own worker threads: one per
// spare core. On two cores, generate takes ~0.25 s less with one such thread than with four,
// for ~0.1 s to start the second node; from five cores on, the default is kept and cli.js
// runs in this node. So is a pool size the user set.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const POOL_FLAG = '--v8-pool-size';
const cli = new URL('./cli.js', import.meta.url);

/** Node's own default. */
const DEFAULT_POOL = 4;

const poolSizeSet = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((arg) => arg.startsWith(POOL_FLAG));
const pool = Math.min(DEFAULT_POOL, Math.max(1, availableParallelism() - 1));
if (poolSizeSet || pool === DEFAULT_POOL) {
  await import(cli.href);
} else {
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

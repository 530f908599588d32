// Runs one command as a child process and measures it: wall time from spawn to exit; CPU
// time of the whole process tree (user + system, of every process it waited for, the
// compiler binary docsdk starts included; from /proc, so on Linux); peak RSS as reported by
// max-rss.mjs from inside each node process (the largest one), and the tree's peak: the sum
// of the RSS of all its processes, sampled every 20 ms (Linux).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RSS_PRELOAD = new URL('./max-rss.mjs', import.meta.url).href;
const PROC = existsSync('/proc/self/stat');
const CLOCK_TICKS_PER_S = 100;
const PAGE_KB = 4;

/** Pids of `pid` and all its descendants (Linux). */
function tree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${pids[i]}/task`)) {
        const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(' ').map(Number));
      }
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

function treeRssKb(pid) {
  let kb = 0;
  for (const p of tree(pid)) {
    try {
      kb += Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * PAGE_KB;
    } catch {
      // exited meanwhile
    }
  }
  return kb;
}

/**
 * Runs `node <args>` in `cwd`; resolves to { ms, cpuMs, rssMb, treeRssMb, stdout } or rejects
 * with the child's stderr when it exits with a code not in `exitCodes`.
 */
export function measureNode(args, { cwd, env, exitCodes = [0] } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'docsdk-bench-rss-'));
  const rssFile = join(scratch, 'rss');
  const statFile = join(scratch, 'stat');
  // On Linux a shell runs node and, once it has exited, reads its own children's CPU time.
  const [command, commandArgs] = PROC
    ? ['sh', ['-c', '"$0" "$@"; s=$?; cat /proc/$$/stat > "$DOCSDK_BENCH_STAT_FILE"; exit $s', process.execPath, ...args]]
    : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, {
      cwd,
      env: {
        ...process.env,
        ...env,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${RSS_PRELOAD}`.trim(),
        DOCSDK_BENCH_RSS_FILE: rssFile,
        DOCSDK_BENCH_STAT_FILE: statFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let treePeakKb = 0;
    const sampler = PROC ? setInterval(() => (treePeakKb = Math.max(treePeakKb, treeRssKb(child.pid))), 20) : undefined;
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      clearInterval(sampler);
      try {
        if (!exitCodes.includes(code)) throw new Error(`node ${args.join(' ')} exited ${code}:\n${Buffer.concat(stderr).toString().slice(-2000)}`);
        const rssKb = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));
        // Fields after the command name: … utime stime cutime cstime (14-17), in clock ticks.
        const stat = PROC ? readFileSync(statFile, 'utf8').slice(readFileSync(statFile, 'utf8').lastIndexOf(')') + 2).split(' ') : undefined;
        const cpuMs = stat ? ((Number(stat[13]) + Number(stat[14])) * 1000) / CLOCK_TICKS_PER_S : undefined;
        resolve({ ms, cpuMs, rssMb: rssKb / 1024, treeRssMb: PROC ? Math.max(treePeakKb, rssKb) / 1024 : undefined, stdout: Buffer.concat(stdout).toString() });
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

/** Median, min and max of each measured quantity over samples of { ms, cpuMs, rssMb, treeRssMb }. */
export function summarize(samples) {
  const ms = samples.map((s) => s.ms);
  const defined = (key) => samples.map((s) => s[key]).filter((v) => v !== undefined);
  return {
    runs: samples.length,
    medianMs: median(ms),
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    cpuMs: defined('cpuMs').length ? median(defined('cpuMs')) : undefined,
    rssMb: median(samples.map((s) => s.rssMb)),
    maxRssMb: Math.max(...samples.map((s) => s.rssMb)),
    treeRssMb: defined('treeRssMb').length ? median(defined('treeRssMb')) : undefined,
  };
}

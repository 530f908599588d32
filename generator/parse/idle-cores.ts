// How much CPU the rest of the machine leaves to this run, measured over the run so far: the
// 1-minute load average lags by a minute, so right after another tool ran it still says
// "busy" while the cores are idle, and right after a quiet minute it misses a build that just
// started beside this run.
import { cpus } from 'node:os';

/** The machine's CPU time and this process's own, at one moment (all in ms). */
export interface CpuSample {
  cores: number;
  /** Summed over all cores since boot: idle time, and all time (busy and idle). */
  idle: number;
  total: number;
  /** This process's CPU time so far, all its threads. */
  own: number;
}

/** About 0.06 ms: os.cpus() reads /proc/stat (or the platform's counters). */
export function sampleCpu(): CpuSample {
  let idle = 0;
  let total = 0;
  const all = cpus();
  for (const { times } of all) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  const { user, system } = process.cpuUsage();
  return { cores: all.length, idle, total, own: (user + system) / 1000 };
}

/**
 * The kernel counts CPU time in ticks of 10 ms per core: a window shorter than this per core
 * measures the ticks, not the load. Such a window says nothing, and leaves no core free.
 */
export const MIN_WINDOW_MS = 40;

/**
 * Cores that processes other than this one left unused between two samples: the cores, less the
 * busy time of the whole machine that was not this process's own, per ms of the window. This
 * process's own use counts as free, since it is the run being sized. 0 over too short a window.
 */
export function freeCores(from: CpuSample, to: CpuSample): number {
  const window = (to.total - from.total) / to.cores;
  if (to.cores !== from.cores || window < MIN_WINDOW_MS) return 0;
  const othersBusy = to.total - to.idle - (from.total - from.idle) - (to.own - from.own);
  return Math.min(to.cores, Math.max(0, to.cores - othersBusy / window));
}

// The CPU other processes leave free over a window of the run: from two samples of the machine's
// counters and this process's own CPU time, exact for crafted samples.
import { cpus } from 'node:os';
import { expect, test } from 'vitest';
import { freeCores, MIN_WINDOW_MS, sampleCpu, type CpuSample } from '../../generator/parse/idle-cores.js';

const start: CpuSample = { cores: 2, idle: 90_000, total: 200_000, own: 40 };
/** `start` plus a window of `perCore` ms on each core, `busy` ms of it busy in all, `own` ms of it this process's. */
const after = (perCore: number, busy: number, own: number, cores = 2): CpuSample => ({
  cores,
  idle: start.idle + perCore * cores - busy,
  total: start.total + perCore * cores,
  own: start.own + own,
});

test('a quiet machine: what is busy is this process', () => {
  // 300 ms on two cores; this process used 280 ms of CPU, the rest of the machine 20 ms.
  expect(freeCores(start, after(300, 300, 280))).toBeCloseTo(2 - 20 / 300, 10);
  // This process on both cores (its parse worker, the compiler's reads): still all free.
  expect(freeCores(start, after(300, 590, 590))).toBe(2);
});

test('another process keeping a core busy leaves one free', () => {
  expect(freeCores(start, after(300, 580, 280))).toBe(1);
  // Both cores busy, this process getting a third of the time (a loaded CI machine): two thirds of a core.
  expect(freeCores(start, after(300, 600, 200))).toBeCloseTo(2 / 3, 10);
  // Busy on both cores without this process: none free.
  expect(freeCores(start, after(300, 600, 0))).toBe(0);
});

test('counter ticks that make this process look busier than the machine count as free, not more', () => {
  expect(freeCores(start, after(300, 270, 280))).toBe(2);
});

test('a window too short to measure, or samples of different machines, leave nothing free', () => {
  expect(freeCores(start, after(MIN_WINDOW_MS - 10, 0, 0))).toBe(0);
  expect(freeCores(start, after(MIN_WINDOW_MS, 0, 0))).toBe(2);
  expect(freeCores(start, after(300, 300, 280, 4))).toBe(0);
});

test('a sample reads this machine', () => {
  const sample = sampleCpu();
  expect(sample.cores).toBe(cpus().length);
  expect(sample.idle).toBeLessThanOrEqual(sample.total);
  expect(sample.own).toBeGreaterThan(0);
});

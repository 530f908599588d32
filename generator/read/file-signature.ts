// What a file's inode says of it, so that a file an earlier run read (a page) or wrote (an
// output file) need not be read again to know it is unchanged: git's index works the same way,
// racy entries included.
import type { BigIntStats } from 'node:fs';

/**
 * Size, modification and change times (nanoseconds) and inode number. A write, a rename over
 * the file, a `touch` or a chmod changes it; a tool that puts the modification time back still
 * changes the change time.
 */
export function fileSignature(info: BigIntStats): string {
  return `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}`;
}

/**
 * How long after a file's last write its signature may still be that of a later one: file
 * times tick coarsely (a kernel tick; whole seconds on some file systems), so a file rewritten
 * within the same tick, to the same size, would keep its signature. Whole milliseconds.
 */
const TIMESTAMP_TICK_MS = 2_000;

/**
 * Whether a signature taken at `takenAtMs` may be trusted by a later run: the file was last
 * written over a tick before (else a write in that same tick could hide behind it, and the
 * file is read again next time). The limit made once for the hundreds of signatures of a run.
 */
export function settledAt(takenAtMs: number): (signature: string) => boolean {
  const limitNs = BigInt(Math.floor(takenAtMs) - TIMESTAMP_TICK_MS) * 1_000_000n;
  return (signature) => BigInt(signature.split(':')[1]) < limitNs;
}

// Is the run that left this temp folder still running? A PID cannot tell: in a container every
// run may be PID 1, and a dead run's PID is soon someone else's. So each writing run listens
// on a local socket (a socket file beside its temp folders; a named pipe on Windows): the
// operating system closes it when the process ends, however it ends, and a later run that
// cannot connect knows the run is gone.
import { createHash } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { basename, dirname, relative } from 'node:path';

/** Socket paths longer than this do not fit in sockaddr_un on every platform (104 on macOS). */
const MAX_SOCKET_PATH = 100;

/**
 * The address to listen on or connect to for the lock at `path`, and what to close after.
 * A long path is reached through a short one: relative to the cwd, or (Linux) through
 * /proc/self/fd of its folder.
 */
function socketAddress(path: string): { address: string; close: () => void } {
  if (process.platform === 'win32') {
    return { address: `\\\\.\\pipe\\docsdk-${createHash('sha256').update(path.toLowerCase()).digest('hex').slice(0, 32)}`, close: () => undefined };
  }
  if (Buffer.byteLength(path) <= MAX_SOCKET_PATH) return { address: path, close: () => undefined };
  const fromCwd = relative(process.cwd(), path);
  if (Buffer.byteLength(fromCwd) <= MAX_SOCKET_PATH) return { address: fromCwd, close: () => undefined };
  if (process.platform === 'linux') {
    const fd = openSync(dirname(path), 'r');
    return { address: `/proc/self/fd/${fd}/${basename(path)}`, close: () => closeSync(fd) };
  }
  throw new Error(`cannot hold a lock at ${path}: the path is too long for a local socket; choose an --out with a shorter path`);
}

/** A lock this process holds until release() or its end. */
export interface RunLock {
  release(): Promise<void>;
}

/** Takes the lock at `path` (a socket file there). Rejects with the file system's error (EACCES, EROFS…) when it cannot be made. */
export async function holdRunLock(path: string): Promise<RunLock> {
  const { address, close } = socketAddress(path);
  const server: Server = createServer((socket) => socket.destroy());
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address, () => resolve());
    });
  } finally {
    close();
  }
  // Never what keeps the process alive.
  server.unref();
  return {
    release: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Closing the server removes the socket file on POSIX; make sure of it.
      if (process.platform !== 'win32') await rm(path, { force: true });
    },
  };
}

/** Whether some live process holds the lock at `path`. A lock that cannot be probed counts as held, so nothing of a live run is ever removed. */
export async function isRunLockHeld(path: string): Promise<boolean> {
  let target: { address: string; close: () => void };
  try {
    target = socketAddress(path);
  } catch {
    return true;
  }
  try {
    return await new Promise<boolean>((resolve) => {
      const socket = connect(target.address);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(!['ECONNREFUSED', 'ENOENT', 'ENOTSOCK', 'ECONNRESET'].includes(error.code ?? '')));
    });
  } finally {
    target.close();
  }
}

// Real faults end in a diagnostic naming the file and a documented exit code, never a stack
// trace, and the previous output stays: one process per run (a kill ends it all), inputs
// that are no regular files (a symlink to /dev/zero, a FIFO), unreadable or vanished pages,
// an output folder inside the inputs, an --out that is a file, a huge file in --out, and a
// run cache on a full or read-only disk.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageReader } from '../../generator/read/inputs.js';
import { cliPath as BIN } from '../helpers/cli.js';
import { namePage } from './support/name-pages.js';
import { canMount } from '../helpers/mount.js';

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'docsdk-faults-'));
  chmodSync(work, 0o755);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A folder with `pages/` holding one good page; returns it. */
function project(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'pages'), { recursive: true });
  writeFileSync(path.join(dir, 'pages', 'get-user.md'), namePage({ client: 'UserClient', method: 'get_user', params: ['userId'], response: 'UserDto' }));
  return dir;
}

function docsdk(cwd: string, args: string[], options: { uid?: number } = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', ...(options.uid !== undefined && { uid: options.uid, gid: options.uid }) });
  expect(run.stderr).not.toMatch(STACK_LINE);
  return { code: run.status, stderr: run.stderr, stdout: run.stdout };
}

/** Child processes of `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe.runIf(process.platform === 'linux')('one process', () => {
  it('the bin starts no second node: killing it ends the run, and nothing writes --out afterwards', async () => {
    const dir = project('one-process');
    const child = spawn(process.execPath, [BIN, 'generate', 'pages', '--out', 'sdk', '--no-cache'], { cwd: dir, env: { ...process.env, DOCSDK_TEST_PAUSE_AT: 'built' } });
    await new Promise<void>((resolve) => child.stderr.on('data', (chunk: Buffer) => chunk.toString().includes('paused at built') && resolve()));
    // Paused mid-write: its whole run is this one process (worker threads are no processes).
    expect(childrenOf(child.pid!)).toEqual([]);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const left = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && (() => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(BIN) && readFileSync(`/proc/${entry}/environ`, 'utf8').includes('DOCSDK_TEST_PAUSE_AT=built');
      } catch {
        return false;
      }
    })());
    expect(left).toEqual([]);
    expect(existsSync(path.join(dir, 'sdk'))).toBe(false);
  });
});

describe('inputs that are no regular files, or cannot be read', () => {
  it.runIf(process.platform === 'linux')('a symlink to /dev/zero and a FIFO named as input are refused unread, with the file named; the rest is read', () => {
    const dir = project('devices');
    symlinkSync('/dev/zero', path.join(dir, 'pages', 'zero.md'));
    spawnSync('mkfifo', [path.join(dir, 'fifo.md')]);
    const run = docsdk(dir, ['parse', 'pages', 'fifo.md']);
    expect(run.stderr).toContain('zero.md: error: a character device, not a regular file; not read');
    expect(run.stderr).toContain('fifo.md: error: a FIFO (named pipe), not a regular file; not read');
    expect(run.stderr).toMatch(/1 operations/);
    expect(run.code).toBe(1);
  });

  it.runIf(process.getuid?.() === 0)('a page the user may not read (EACCES) is an error naming it; the rest is read', () => {
    const dir = project('eacces');
    writeFileSync(path.join(dir, 'pages', 'secret.md'), namePage({ client: 'UserClient', method: 'get_secret' }));
    chmodSync(path.join(dir, 'pages', 'secret.md'), 0o000);
    chmodSync(path.join(dir, 'pages'), 0o755);
    chmodSync(dir, 0o755);
    const run = docsdk(dir, ['parse', 'pages'], { uid: 65534 });
    expect(run.stderr).toMatch(/secret\.md: error: cannot be read: permission denied \(EACCES, .*secret\.md\)/);
    expect(run.stderr).toMatch(/1 operations/);
    expect(run.code).toBe(1);
  });

  it('a page deleted between being found and being read is an error naming it', async () => {
    const dir = project('vanished');
    const gone = path.join(dir, 'pages', 'gone.md');
    const page = await pageReader(1024)({ abs: gone, root: path.join(dir, 'pages') });
    expect(page).toMatchObject({ rel: 'gone.md', bytes: Buffer.alloc(0) });
    expect(page.unreadable).toMatch(/^cannot be read: no such file \(deleted while docsdk read it\?\) \(ENOENT, .*gone\.md\)$/);
  });

  it('a file that grows past the limit while it is read is cut at the limit, counted by bytes read', async () => {
    const dir = project('growing');
    const file = path.join(dir, 'pages', 'big.md');
    // A sparse file: stat says 64 KiB, the reader counts what it reads.
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 64 * 1024);
    closeSync(fd);
    const page = await pageReader(1000)({ abs: file, root: path.join(dir, 'pages') });
    expect(page.oversize).toEqual({ size: 65536, limit: 1000 });
    expect(page.bytes.length).toBe(0);
  });
});

describe('the output folder', () => {
  it('inside an input folder: its files are not read back as pages, and a warning says so on every run', () => {
    const dir = project('out-inside');
    const first = docsdk(dir, ['generate', 'pages', '--out', 'pages/sdk', '--no-cache']);
    expect(first.code).toBe(0);
    const warning = 'pages: warning: the output folder pages/sdk is inside this input (or the input inside it): the files docsdk writes there are not read as pages; better keep --out outside the doc pages';
    expect(first.stderr).toContain(warning);
    const second = docsdk(dir, ['generate', 'pages', '--out', 'pages/sdk', '--no-cache']);
    expect(second.stderr).toContain(warning);
    expect(second.stderr).toMatch(/1 pages, 1 operations/);
    expect(second.code).toBe(0);
    const model = JSON.parse(readFileSync(path.join(dir, 'pages/sdk/docsdk-model.json'), 'utf8'));
    expect(model.clients.flatMap((c: { operations: { name: string }[] }) => c.operations.map((o) => o.name))).toEqual(['getUser']);
  });

  it('a regular file, or a path through one (ENOTDIR): a usage error naming it, exit 2, the file untouched', () => {
    const dir = project('out-file');
    writeFileSync(path.join(dir, 'sdk'), 'not a folder');
    const file = docsdk(dir, ['generate', 'pages', '--out', 'sdk']);
    expect(file.stderr).toContain('docsdk generate: sdk: not a folder (a file or a link); docsdk writes a folder there (choose another --out)\nnothing written');
    expect(file.code).toBe(2);
    const through = docsdk(dir, ['generate', 'pages', '--out', 'sdk/out']);
    expect(through.stderr).toContain('docsdk generate: sdk/out: a part of this path is a file, not a folder; choose another --out');
    expect(through.code).toBe(2);
    expect(readFileSync(path.join(dir, 'sdk'), 'utf8')).toBe('not a folder');
  });

  it('a folder docsdk did not write is refused before anything in it is read (a 3 GB sparse file in it costs nothing)', () => {
    const dir = project('out-foreign');
    mkdirSync(path.join(dir, 'sdk'));
    const fd = openSync(path.join(dir, 'sdk', 'huge.bin'), 'w');
    ftruncateSync(fd, 3 * 1024 ** 3);
    closeSync(fd);
    const run = docsdk(dir, ['generate', 'pages', '--out', 'sdk', '--check']);
    expect(run.stderr).toContain('docsdk generate: sdk: refusing to replace it: it has files docsdk did not write (no .docsdk-output); empty it or choose another --out');
    expect(run.code).toBe(2);
  });

  it('a huge file in a docsdk output folder is hashed as a stream (no ERR_FS_FILE_TOO_LARGE): the run reports it removed', () => {
    const dir = project('out-huge');
    expect(docsdk(dir, ['generate', 'pages', '--out', 'sdk', '--no-cache']).code).toBe(0);
    const fd = openSync(path.join(dir, 'sdk', 'huge.bin'), 'w');
    ftruncateSync(fd, 3 * 1024 ** 3);
    closeSync(fd);
    const run = docsdk(dir, ['generate', 'pages', '--out', 'sdk', '--check', '--no-cache']);
    expect(run.stdout).toBe('removed huge.bin\n');
    expect(run.code).toBe(1);
  }, 180_000);
});


describe.runIf(canMount())('the run cache on a full or read-only disk', () => {
  const mounted: string[] = [];
  afterAll(() => {
    for (const dir of mounted.reverse()) spawnSync('umount', ['-l', dir]);
  });

  for (const fault of ['full', 'read-only'] as const) {
    it(`${fault}: the output is written, the cache is a warning naming its file, no .tmp is left, exit 0`, () => {
      const dir = project(`cache-${fault}`);
      const cacheDir = path.join(dir, 'node_modules', '.cache', 'docsdk');
      mkdirSync(cacheDir, { recursive: true });
      expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', cacheDir]).status).toBe(0);
      mounted.push(cacheDir);
      if (fault === 'full') {
        try {
          writeFileSync(path.join(cacheDir, 'filler'), Buffer.alloc(64 * 1024));
        } catch {
          // ENOSPC: the disk is full now, as wanted.
        }
      }
      else expect(spawnSync('mount', ['-o', 'remount,ro', cacheDir]).status).toBe(0);
      const run = docsdk(dir, ['generate', 'pages', '--out', 'sdk']);
      const code = fault === 'full' ? 'ENOSPC' : 'EROFS';
      expect(run.stderr).toMatch(new RegExp(`node_modules/\\.cache/docsdk/[0-9a-f]{16}\\.v8: warning: the run cache was not saved: .*\\(${code}`));
      expect(run.code).toBe(0);
      expect(existsSync(path.join(dir, 'sdk', 'src', 'UserClient.ts'))).toBe(true);
      expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    });
  }
});

// Every temp folder a test (or a CLI it runs) makes goes into one folder per `vitest run`,
// removed when the run ends, pass or fail: nothing is left behind in the system's temp dir.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'docsdk-tests-'));
  // Searchable by all, as /tmp is: tests that run the CLI as another user (nobody) reach their folders through it.
  chmodSync(dir, 0o755);
  // os.tmpdir() reads TMPDIR on every call; test workers and the CLIs they spawn inherit it.
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

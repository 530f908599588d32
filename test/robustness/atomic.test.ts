// `docsdk generate` killed (SIGKILL) while it writes: the previous output stays as it was,
// byte for byte, and the next run completes and leaves no temp folder or file behind.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliPath } from '../helpers/cli.js';
import { corpusDir } from '../helpers/pages.js';

const PAGES = path.join(corpusDir, 'zh/markdown/management/管理用户分组');
const TEMP = /\.docsdk-tmp-|\.tmp$/;

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'docsdk-atomic-'));
  cpSync(PAGES, path.join(work, 'pages'), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const generate = () => spawnSync(process.execPath, [cliPath, 'generate', 'pages', '--out', 'out'], { cwd: work, encoding: 'utf8' });

/** Every file below `dir` with its content, keyed by relative path. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(path.join(dir, p)).isFile());
  return new Map(files.sort().map((p) => [p, readFileSync(path.join(dir, p), 'utf8')]));
}

/** Temp folders and files anywhere in the work folder (beside --out, and the run cache's). */
const leftovers = () => readdirSync(work, { recursive: true, encoding: 'utf8' }).filter((p) => TEMP.test(path.basename(p)));

/** Starts `generate` and SIGKILLs it the moment its temp folder appears beside --out. */
function generateKilledMidWrite(): Promise<{ signal: NodeJS.Signals | null; sawTemp: boolean }> {
  return new Promise((resolve) => {
    // --no-cache: the staged output is then written whole and type-checked, so the write lasts long enough to be killed in.
    const child = spawn(process.execPath, [cliPath, 'generate', 'pages', '--out', 'out', '--no-cache'], { cwd: work, stdio: 'ignore' });
    let sawTemp = false;
    const watcher = watch(work, (_event, name) => {
      if (!sawTemp && name?.startsWith('.docsdk-tmp-')) {
        sawTemp = true;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => {
      watcher.close();
      resolve({ signal, sawTemp });
    });
  });
}

it('SIGKILL mid-write keeps the previous output; the next run completes and leaves no temp behind', async () => {
  expect(generate().status).toBe(0);
  const previous = snapshot(path.join(work, 'out'));
  expect(previous.size).toBeGreaterThan(20);

  // A changed page, so the killed run was writing a different output.
  const page = path.join(work, 'pages', 'list-groups.md');
  writeFileSync(page, readFileSync(page, 'utf8').replace('# 获取分组列表', '# 获取分组列表（已改）'));
  const killed = await generateKilledMidWrite();
  expect(killed).toEqual({ signal: 'SIGKILL', sawTemp: true });
  expect(snapshot(path.join(work, 'out'))).toEqual(previous);
  expect(leftovers().length).toBeGreaterThan(0); // the killed run's temp folder
  // As a run killed while saving its cache leaves it (the window is too short to hit with a signal).
  const [cache] = readdirSync(path.join(work, 'node_modules/.cache/docsdk'));
  writeFileSync(path.join(work, 'node_modules/.cache/docsdk', `${cache}.tmp`), '{"docsdkVersion":');

  const next = generate();
  expect(next.status).toBe(0);
  expect(leftovers()).toEqual([]);
  const after = snapshot(path.join(work, 'out'));
  expect(after.get('src/ManagementClient.ts')).toContain('获取分组列表（已改）');
  expect([...after.keys()]).toEqual([...previous.keys()]);
});

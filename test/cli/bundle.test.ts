// The CLI users run is the rolldown bundle in dist/cli/ (rolldown.config.mjs): what it finds
// by the build's layout rather than by luck. Its parse worker is an entry that parses as
// parsePage does; its precompiled templates are the build's; its build id, which keys every
// cache, is the hash of the bundle itself; and the package ships every file of it.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';
import { buildIdOf } from '../../generator/config/package-root.js';
import { parsePage } from '../../generator/parse/page.js';
import type { ParsedChunk } from '../../generator/parse/parallel.js';
import { defaultCacheFile } from '../../generator/workflow/run-cache.js';
import { cliPath, repoRoot } from '../helpers/cli.js';
import { fixturePage } from '../helpers/pages.js';
import { project, generate } from '../support/workflow-pages.js';

const bundle = join(repoRoot, 'dist/cli');

it('is the bin, and its parse worker (an entry beside the chunk that starts it) parses as parsePage does', async () => {
  expect(relative(bundle, cliPath)).toBe('cli.js');
  const files = ['management/管理用户分组/create-groups-batch', 'management/管理用户/get-user-groups'].map((page) => fixturePage('zh', 'vitepress', page));
  const cursor = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const chunks: ParsedChunk[] = [];
  const worker = new Worker(join(bundle, 'parse-worker.js'), { workerData: { files, cursor } });
  worker.on('message', (chunk: ParsedChunk) => chunks.push(chunk));
  expect(await new Promise((resolve) => worker.on('exit', resolve))).toBe(0);
  expect(chunks.flatMap((chunk) => chunk.results)).toEqual(files.map(parsePage));
});

it('reads the templates the build precompiled, beside its chunks', () => {
  expect(readFileSync(join(bundle, 'templates.precompiled.json'))).toEqual(readFileSync(join(repoRoot, 'dist/generator/emit/templates.precompiled.json')));
});

it('keys its caches with the build id of the bundle', async () => {
  const dir = await project();
  expect(generate(dir).code).toBe(0);
  const cache = deserialize(readFileSync(defaultCacheFile(join(dir, 'sdk'), dir))) as { docsdkVersion: string };
  expect(cache.docsdkVersion).toBe(buildIdOf(bundle));
});

/** The paths of the files `npm pack` puts in docsdk's package. */
function shippedFiles(): string[] {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' })) as [{ files: { path: string }[] }];
  return pack.files.map((file) => file.path);
}

it('is shipped whole: the package holds every file of the bundle, and what the bin reads from the package', () => {
  const shipped = new Set(shippedFiles());
  const needed = [
    ...readdirSync(bundle).map((file) => `dist/cli/${file}`),
    'package.json',
    'generator/emit/runtime/runtime.ts',
    'docsdk.config.schema.json',
    ...readdirSync(join(repoRoot, 'templates')).map((file) => `templates/${file}`),
  ];
  expect(needed.filter((file) => !shipped.has(file))).toEqual([]);
  expect(needed).toContain('dist/cli/parse-worker.js');
});

it('ships the licence of every package whose code it holds', () => {
  const modules = JSON.parse(readFileSync(join(repoRoot, 'dist/cli-modules.json'), 'utf8')) as Record<string, string[]>;
  const packages = new Set(Object.values(modules).flat().flatMap((id) => /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1] ?? []));
  const notices = readFileSync(join(bundle, 'THIRD-PARTY-NOTICES.md'), 'utf8');
  const named = new Set([...notices.matchAll(/^## (\S+) /gm)].map((m) => m[1]));
  expect([...packages].sort()).toEqual([...named].sort());
  expect(packages).toContain('handlebars');
});

it('is the bin package-lock.json records, so `npm install` leaves the lock as it is', () => {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { bin?: unknown }> };
  expect(lock.packages[''].bin).toEqual(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).bin);
});

it('installed in a project, says its own version, not the project\'s', () => {
  // As npm lays it out: docsdk's shipped files in node_modules/docsdk, the packages its bin
  // requires at start-up beside it, and the project's own package.json above both.
  const project = mkdtempSync(join(tmpdir(), 'docsdk-installed-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-project', version: '9.9.9' }));
  for (const file of shippedFiles()) {
    mkdirSync(dirname(join(project, 'node_modules/docsdk', file)), { recursive: true });
    cpSync(join(repoRoot, file), join(project, 'node_modules/docsdk', file));
  }
  for (const name of ['yargs', 'yargs-parser', 'y18n', 'escalade', 'get-caller-file']) cpSync(join(repoRoot, 'node_modules', name), join(project, 'node_modules', name), { recursive: true });
  const bin = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).bin.docsdk as string;
  const run = spawnSync(process.execPath, [join(project, 'node_modules/docsdk', bin), '--version'], { cwd: project, encoding: 'utf8' });
  expect([run.status, run.stdout, run.stderr]).toEqual([0, `${JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version}\n`, '']);
});

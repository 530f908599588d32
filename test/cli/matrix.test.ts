// The CLI's exit-code contract, through the real built CLI: every documented outcome of
// `generate` × (cold cache, warm cache) × (plain, --strict, --check, --reporter json).
// Each cell starts from the same project: two pages and the SDK a clean run made of them
// (the previous release), changed the way the scenario says. Per cell:
//   1. cold: no cache yet. Exit code, files written or left byte for byte, diagnostics.
//   2. warm: the same command again on the folder run 1 left, cache warm: it must end exactly
//      as run 1 did (exit code, diagnostics), writing nothing more: red stays red.
//   3. --no-cache, where the run is refused before any SDK is emitted (cheap): the warm run
//      must match it too. Elsewhere run 1 is that clean run already: with the cache empty it
//      parses and checks everything, and the warm run must match it. (No third run there: each
//      emitting run costs ~3 s of CPU, mostly the compiler's start, and the matrix must stay fast.)
// Every JSON report is validated against docsdk.report.schema.json.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/model/types.js';
import { formatDiagnostic } from '../../generator/report/diagnostics.js';
import { readFolder } from '../../generator/workflow/output-files.js';
import { cliPath, repoRoot } from '../helpers/cli.js';
import { editPage, EDITS, GET_USER_ROLES, workflowFixtures } from '../support/workflow-pages.js';

const PAGES = [GET_USER_ROLES, 'authentication/登录/check-pushcode-status.md'];
const BROKEN = '# Broken page\n\nNothing here.\n';
const BROKEN_PAGE = 'management/x/broken.md';

type Expected = Pick<Diagnostic, 'severity' | 'code' | 'file'> & Partial<Diagnostic>;

interface Scenario {
  /** Changes the project (pages/, sdk/ from the previous release) into this scenario. */
  prepare?: (dir: string) => Promise<void>;
  inputs?: string;
  /** Diagnostics every mode reports (errors and warnings), in order. */
  diagnostics: Expected[];
}

const SCENARIOS: Record<string, Scenario> = {
  success: { diagnostics: [] },
  warnings: {
    prepare: (dir) => writeFile(join(dir, 'docsdk.config.json'), JSON.stringify({ fields: { 'RoleDto.colour': { required: true } } })),
    diagnostics: [{ severity: 'warning', code: 'config.unmatched-override', file: 'docsdk.config.json', section: 'fields["RoleDto.colour"]' }],
  },
  'a failed page': {
    prepare: (dir) => put(dir, `pages/${BROKEN_PAGE}`, BROKEN),
    diagnostics: [{ severity: 'error', code: 'page.not-api', file: BROKEN_PAGE, section: 'page' }],
  },
  'all pages failed': {
    prepare: async (dir) => {
      await rm(join(dir, 'pages'), { recursive: true });
      await put(dir, `pages/${BROKEN_PAGE}`, BROKEN);
      await put(dir, 'pages/management/x/broken-too.md', BROKEN);
    },
    diagnostics: [
      { severity: 'error', code: 'page.not-api', file: 'management/x/broken-too.md', section: 'page' },
      { severity: 'error', code: 'page.not-api', file: BROKEN_PAGE, section: 'page' },
    ],
  },
  'no input match': { inputs: 'pagez', diagnostics: [{ severity: 'error', code: 'input.missing', file: 'pagez', message: 'no file, folder or glob match' }] },
  'bad config': {
    prepare: (dir) => writeFile(join(dir, 'docsdk.config.json'), JSON.stringify({ ouput: 'sdk' })),
    diagnostics: [{ severity: 'error', code: 'config.unknown-key', file: 'docsdk.config.json', section: 'ouput', message: 'unknown key; did you mean "out"?' }],
  },
  'stale output': {
    prepare: (dir) => editPage(join(dir, 'pages'), GET_USER_ROLES, EDITS.removeParameter.from, EDITS.removeParameter.to),
    diagnostics: [],
  },
};

const MODES: Record<string, string[]> = { plain: [], '--strict': ['--strict'], '--check': ['--check'], '--reporter json': ['--reporter', 'json'] };

type Files = 'written' | 'untouched';
interface Outcome {
  code: 0 | 1 | 2;
  files: Files;
}
const o = (code: 0 | 1 | 2, files: Files = 'untouched'): Outcome => ({ code, files });

/** What each cell must do, cold and warm alike (docs/workflow.md, "Exit codes"). */
const EXPECTED: Record<string, Record<string, Outcome>> = {
  // The output is what these pages make: written again byte for byte, or found fresh.
  success: { plain: o(0), '--strict': o(0), '--check': o(0), '--reporter json': o(0) },
  // The kept model records the warning: the output changes, unless --strict stops the run; --check finds it stale.
  warnings: { plain: o(0, 'written'), '--strict': o(1), '--check': o(1), '--reporter json': o(0, 'written') },
  'a failed page': { plain: o(1, 'written'), '--strict': o(1), '--check': o(1), '--reporter json': o(1, 'written') },
  'all pages failed': { plain: o(1), '--strict': o(1), '--check': o(1), '--reporter json': o(1) },
  'no input match': { plain: o(2), '--strict': o(2), '--check': o(2), '--reporter json': o(2) },
  'bad config': { plain: o(2), '--strict': o(2), '--check': o(2), '--reporter json': o(2) },
  'stale output': { plain: o(0, 'written'), '--strict': o(0, 'written'), '--check': o(1), '--reporter json': o(0, 'written') },
};

function put(dir: string, rel: string, text: string): Promise<void> {
  return mkdir(join(dir, rel, '..'), { recursive: true }).then(() => writeFile(join(dir, rel), text));
}

// At most this many CLIs at once: two cores, and each CLI runs a worker thread of its own.
const PARALLEL = 3;
let running = 0;
const queue: (() => void)[] = [];
async function cli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (running >= PARALLEL) await new Promise<void>((go) => queue.push(go));
  running++;
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  } finally {
    running--;
    queue.shift()?.();
  }
}

const { Ajv } = createRequire(import.meta.url)('ajv') as typeof AjvModule;
let validateReport: AjvModule.ValidateFunction;
let work: string;
/** The project every cell starts from: pages/ and the SDK a clean run made of them in sdk/. */
let release: string;

beforeAll(async () => {
  validateReport = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(await readFile(join(repoRoot, 'docsdk.report.schema.json'), 'utf8')));
  work = await mkdtemp(join(tmpdir(), 'docsdk-matrix-'));
  release = join(work, 'release');
  for (const rel of PAGES) await cp(join(workflowFixtures, 'markdown', rel), join(release, 'pages', rel));
  const made = await cli(['generate', 'pages', '--out', 'sdk', '--no-cache'], release);
  expect(made.code, made.stderr).toBe(0);
});
afterAll(() => rm(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  /** Diagnostics as the run reported them: from the JSON report, else the stderr lines that are not docsdk's own. */
  diagnostics: string[];
  report?: { outcome: string; exitCode: number; replayed: boolean; diagnostics: Diagnostic[] };
  stdout: string;
  sdk: Map<string, Buffer>;
}

async function run(dir: string, args: string[], json: boolean): Promise<Run> {
  const r = await cli(args, dir);
  const sdk = await readFolder(join(dir, 'sdk'));
  if (!json) {
    const diagnostics = r.stderr.split('\n').filter((line) => line && !/^docsdk( generate)?: /.test(line));
    return { code: r.code, diagnostics, stdout: r.stdout, sdk };
  }
  const report = JSON.parse(r.stdout);
  expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  expect(r.stderr).toBe('');
  expect(report.exitCode).toBe(r.code);
  return { code: r.code, diagnostics: report.diagnostics.map(formatDiagnostic), report, stdout: r.stdout, sdk };
}

/** The start of a diagnostic's line: file, section, severity (and message, when the scenario names it). */
const shownAs = (d: Expected | undefined) => (d ? `${d.file}: ${d.section ? d.section + ': ' : ''}${d.severity}: ${d.message ?? ''}` : '\0');

const sameBytes = (a: Map<string, Buffer>, b: Map<string, Buffer>) => a.size === b.size && [...a].every(([path, bytes]) => b.get(path)?.equals(bytes));

describe.concurrent('generate: every outcome × cold and warm cache × plain, --strict, --check, --reporter json', () => {
  for (const [scenarioName, scenario] of Object.entries(SCENARIOS)) {
    for (const [modeName, flags] of Object.entries(MODES)) {
      const expected = EXPECTED[scenarioName][modeName];
      // Generous: the cells queue for the CLI slots, and the cap only stops a hung CLI.
      it(`${scenarioName}, ${modeName}: exit ${expected.code}, output ${expected.files}`, { timeout: 900_000 }, async () => {
        const dir = join(work, `${scenarioName}-${modeName}`.replace(/\W+/g, '-'));
        await cp(release, dir, { recursive: true });
        await scenario.prepare?.(dir);
        const before = await readFolder(join(dir, 'sdk'));
        const args = ['generate', scenario.inputs ?? 'pages', '--out', 'sdk', ...flags];
        const json = modeName === '--reporter json';

        const cold = await run(dir, args, json);
        expect(cold.code, cold.diagnostics.join('\n')).toBe(expected.code);
        expect(sameBytes(cold.sdk, before), 'files written').toBe(expected.files === 'untouched');
        const problems = cold.report ? cold.report.diagnostics.filter((d) => d.severity !== 'info') : undefined;
        if (problems) expect(problems).toMatchObject(scenario.diagnostics);
        const lines = problems ? problems.map(formatDiagnostic) : cold.diagnostics;
        expect(lines.map((line, i) => line.startsWith(shownAs(scenario.diagnostics[i]))), lines.join('\n')).toEqual(scenario.diagnostics.map(() => true));
        if (modeName === '--check' && expected.code === 1 && scenario.diagnostics.every((d) => d.severity === 'warning')) {
          expect(cold.stdout).toMatch(/^(modified|added|removed) /);
        }

        const warm = await run(dir, args, json);
        expect([warm.code, warm.diagnostics]).toEqual([cold.code, cold.diagnostics]);
        expect(sameBytes(warm.sdk, cold.sdk), 'the warm run wrote nothing more').toBe(true);
        if (json) expect(warm.report!.outcome).toBe(cold.report!.outcome === 'written' ? 'unchanged' : cold.report!.outcome);
        if (modeName === '--check') expect(warm.stdout).toBe(cold.stdout);

        // Every run that got past the usage checks is recorded, and replayed when nothing changed.
        if (json) expect(warm.report!.replayed).toBe(expected.code !== 2);
        if (expected.code !== 0 && expected.files === 'untouched' && modeName !== '--check') {
          const clean = await run(dir, [...args, '--no-cache'], json);
          expect([clean.code, clean.diagnostics]).toEqual([warm.code, warm.diagnostics]);
          expect(sameBytes(clean.sdk, warm.sdk)).toBe(true);
        }
      });
    }
  }
});

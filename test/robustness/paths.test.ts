// Names from pages become file names: Windows device names, names equal but for case (one
// file on macOS and Windows), names past the 255-byte limit, names of the SDK's own files,
// and page files named like that too. Nothing may be written outside --out, no two
// structures or clients may share a file, and every path must be portable.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseInsensitiveKey, isPortableFileName } from '../../generator/write/paths.js';
import { cliPath } from '../helpers/cli.js';
import { compilerExecutable } from '../../generator/emit/native-compiler.js';

const LONG = 'L' + 'ong'.repeat(100); // 301 characters
const LONG_CASE = LONG.slice(0, -3) + 'ONG';

/** Page file, its `Client.method` line, the structures it defines (each one a parameter's type). */
const PAGES: [string, string, string[]][] = [
  ['CON.md', 'CON.get_con', ['CON', 'PRN', 'nul']],
  ['con.md', 'con.get_con_lower', ['Aux', 'COM1', 'lpt9']],
  ['aux.md', 'Con.get_aux', ['UserDto', 'userDto', 'USERDTO']],
  ['__proto__.md', '__proto__.get_proto', ['__proto__', 'constructor']],
  [`get-${'long-'.repeat(48)}name.md`, 'Con.get_long', [LONG, LONG_CASE]],
  ['index.md', 'index.get_index', ['index', 'runtime', 'models']],
  ['runtime.md', 'runtime.get_runtime', ['Index']],
  ['models.md', 'models.get_models', ['Runtime']],
  // Not names at all: the method line and headings are not read, the links are reported broken.
  ['traversal.md', '../../x.get_traversal', ['../../x', '/etc/passwd']],
];

function page(method: string, structures: string[]): string {
  const header = '| Name | Type | Required | Description | Sample |\n| ---- | ---- | ---- | ---- | ---- |\n';
  const params = structures.map((s, i) => `| p${i} | <a href="#${s}">${s}</a> | Yes | - | d | |`).join('\n');
  const sections = structures.map((s) => `### <a id="${s}"></a> ${s}\n\n${header}| id | string | Yes | d | |\n`).join('\n');
  return `# T\n\n## Method name\n\n\`${method}\`\n\n## Request parameters\n\n| Name | Type | Required | Default | Description | Sample |\n| ---- | ---- | ---- | ---- | ---- | ---- |\n${params}\n\n## Request Response\n\nType: \`IsSuccessRespDto\`\n\n| Name | Type | Description |\n| ---- | ---- | ---- |\n| statusCode | number | d |\n\n## Data Structure\n\n${sections}`;
}

/** Every file and folder below `dir`, relative, `/`-separated, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => p.split(path.sep).join('/'))
    .sort();
}

let work: string;
let out: string;
let before: string[];
let run: { code: number | null; stderr: string };

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'docsdk-paths-'));
  mkdirSync(path.join(work, 'pages/management'), { recursive: true });
  for (const [file, method, structures] of PAGES) writeFileSync(path.join(work, 'pages/management', file), page(method, structures));
  before = tree(work);
  out = path.join(work, 'out');
  const r = spawnSync(process.execPath, [cliPath, 'generate', 'pages', '--out', 'out', '--no-cache'], { cwd: work, encoding: 'utf8' });
  run = { code: r.status, stderr: r.stderr };
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('names that are hard file names', () => {
  it('generate succeeds and writes nothing outside --out', () => {
    expect(run.stderr).toMatch(/9 pages, 9 operations, 19 structures, 0 errors, 2 warnings, 3 notes/);
    expect(run.stderr).toContain('traversal.md: params row 1: warning: p0: type links to an undefined structure (<a href="#../../x">../../x</a>)');
    expect(run.code).toBe(0);
    expect(tree(work).filter((p) => !p.startsWith('out/') && p !== 'out')).toEqual(before);
  });

  it('every structure and every client has a file of its own, none of them equal but for case', () => {
    const files = tree(out).filter((p) => statSync(path.join(out, p)).isFile());
    const sources = files.filter((p) => p.startsWith('src/'));
    expect(sources.filter((p) => p.startsWith('src/models/'))).toHaveLength(19);
    // CON, Con and con: a device name and two case variants; index and runtime: the SDK's own files.
    expect(sources.filter((p) => !p.startsWith('src/models/'))).toEqual([
      'src/CON2.ts',
      'src/Con_.ts',
      'src/__proto__.ts',
      'src/con_2.ts',
      'src/index.ts',
      'src/index2.ts',
      'src/models2.ts',
      'src/runtime.ts',
      'src/runtime2.ts',
    ]);
    expect(new Set(files.map(caseInsensitiveKey)).size).toBe(files.length);
  });

  it('every path segment is portable: no device names, no name over 255 bytes', () => {
    const segments = new Set(tree(out).flatMap((p) => p.split('/')));
    expect([...segments].filter((s) => !isPortableFileName(s))).toEqual([]);
    expect([...segments].filter((s) => /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(s))).toEqual([]);
  });

  it('the SDK compiles with tsc --strict', () => {
    const tsc = spawnSync(compilerExecutable(), ['-p', path.join(out, 'tsconfig.json'), '--noEmit', '--strict'], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});

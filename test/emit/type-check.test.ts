// The SDK type check: the native compiler (typescript 7, the version the SDK's package.json
// pins) on the folder the files are written into, with `file:line - TSnnnn: message` lines.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { emitSdk } from '../../generator/emit/sdk.js';
import { COMPILER_PACKAGE, compilerExecutable, compilerVersion } from '../../generator/emit/native-compiler.js';
import { checkStagedFolder, diagnosticLines, SdkTypeError, typeErrors } from '../../generator/emit/type-check.js';
import { writeOutput } from '../../generator/write/atomic.js';
import { repoRoot } from '../helpers/cli.js';

const files = new Map([
  ['package.json', '{ "type": "module" }'],
  ['tsconfig.json', '{ "compilerOptions": { "target": "ES2022", "lib": ["ES2022", "DOM"], "types": [], "module": "NodeNext", "strict": true, "declaration": true }, "include": ["src"] }'],
  ['src/models/UserDto.ts', 'export interface UserDto {\n  id: string;\n}\n'],
  ['src/client.ts', "import type { UserDto } from './models/UserDto.js';\nexport const user: UserDto = { id: 1 };\nexport const response: Response | undefined = undefined;\n"],
]);

test('the SDK pins the compiler it is checked with: package.json alias, installed package, binary and the SDK agree (issue 12 item 7)', async () => {
  const docsdk = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  expect(docsdk.dependencies[COMPILER_PACKAGE]).toBe(`npm:typescript@${compilerVersion}`);
  expect(compilerVersion).toMatch(/^7\.\d+\.\d+$/);
  expect(execFileSync(compilerExecutable(), ['--version'], { encoding: 'utf8' }).trim()).toBe(`Version ${compilerVersion}`);
  const sdk = await emitSdk({ clients: [], structures: {}, diagnostics: [] } as never, { typeCheck: false });
  expect(JSON.parse(sdk.files.get('package.json')!).devDependencies).toEqual({ typescript: compilerVersion });
});

test('type errors come back as file:line - TSnnnn lines, and the temporary folder is removed', async () => {
  const before = await readdir(tmpdir());
  expect(await typeErrors(files)).toEqual(["src/client.ts:2 - TS2322: Type 'number' is not assignable to type 'string'."]);
  expect((await readdir(tmpdir())).filter((name) => name.startsWith('docsdk-check-') && !before.includes(name))).toEqual([]);
});

test('a clean package has no errors', async () => {
  const clean = new Map(files).set('src/client.ts', "import type { UserDto } from './models/UserDto.js';\nexport const user: UserDto = { id: '1' };\n");
  expect(await typeErrors(clean)).toEqual([]);
});

test('an unusable tsconfig.json is reported as an error line naming it', async () => {
  const errors = await typeErrors(new Map(files).set('tsconfig.json', '{ "compilerOptions": { "target": "nope" } }'));
  expect(errors.some((line) => /^tsconfig\.json:1 - TS6046: Argument for '--target' option must be:/.test(line))).toBe(true);
});

test('chained messages are joined on one line; global errors name no file', () => {
  const output = [
    "src/a.ts(3,7): error TS2322: Type '{ id: number; }' is not assignable to type 'UserDto'.",
    "  Types of property 'id' are incompatible.",
    "    Type 'number' is not assignable to type 'string'.",
    "error TS5083: Cannot read file '/x/tsconfig.json'.",
    '',
  ].join('\n');
  expect(diagnosticLines(output)).toEqual([
    "src/a.ts:3 - TS2322: Type '{ id: number; }' is not assignable to type 'UserDto'. Types of property 'id' are incompatible. Type 'number' is not assignable to type 'string'.",
    "sdk - TS5083: Cannot read file '/x/tsconfig.json'.",
  ]);
});

test('on the staged output folder: checked before the swap; on a type error nothing is written and the staged folder goes', async () => {
  const parent = await mkdtemp(join(tmpdir(), 'docsdk-staged-'));
  try {
    const out = join(parent, 'sdk');
    let seen: string[] = [];
    const error = await writeOutput(out, files, {
      beforeSwap: async (staged) => {
        seen = (await readdir(staged, { recursive: true })).sort();
        await checkStagedFolder(staged);
      },
    }).catch((e: unknown) => e);
    // The marker comes after the check: a staged folder holding it is complete.
    expect(seen).toEqual(['package.json', 'src', 'src/client.ts', 'src/models', 'src/models/UserDto.ts', 'tsconfig.json']);
    expect(error).toBeInstanceOf(SdkTypeError);
    expect((error as SdkTypeError).errors).toEqual(["src/client.ts:2 - TS2322: Type 'number' is not assignable to type 'string'."]);
    expect(existsSync(out)).toBe(false);
    expect(await readdir(parent)).toEqual([]);
    const clean = new Map(files).set('src/client.ts', "export const ok: string = 'x';\n");
    await writeOutput(out, clean, { beforeSwap: checkStagedFolder });
    expect(readFileSync(join(out, 'src/client.ts'), 'utf8')).toBe("export const ok: string = 'x';\n");
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
});

// The type check on its worker thread (what generate uses): files in as they are emitted,
// the same error lines as the in-process check. Workers run compiled JavaScript, so this
// uses the build (`npm test` builds first).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import type * as BackgroundCheck from '../../generator/emit/background-check.js';
import { typeErrors } from '../../generator/emit/type-check.js';
import { repoRoot } from '../helpers/cli.js';

const BUILT = pathToFileURL(join(repoRoot, 'dist/generator/emit/background-check.js')).href;

const files = new Map([
  ['package.json', '{ "type": "module" }'],
  ['tsconfig.json', '{ "compilerOptions": { "target": "ES2022", "lib": ["ES2022", "DOM"], "module": "NodeNext", "strict": true, "declaration": true } }'],
  ['src/models/UserDto.ts', 'export interface UserDto {\n  id: string;\n}\n'],
  ['src/client.ts', "import type { UserDto } from './models/UserDto.js';\nexport const user: UserDto = { id: 1 };\nexport const response: Response | undefined = undefined;\n"],
]);

test('a check on its worker thread finds what the in-process check finds', async () => {
  const { startTypeCheck } = (await import(BUILT)) as typeof BackgroundCheck;
  const check = startTypeCheck();
  for (const [path, text] of files) check.setFile(path, text);
  const errors = await check.errors();
  check.close();
  expect(errors).toEqual(["src/client.ts:2 - TS2322: Type 'number' is not assignable to type 'string'."]);
  expect(errors).toEqual(typeErrors(files));
  expect(check.warmupMs).toBeGreaterThan(0);
}, 60_000);

test('an unusable tsconfig.json rejects', async () => {
  const { startTypeCheck } = (await import(BUILT)) as typeof BackgroundCheck;
  const check = startTypeCheck();
  check.setFile('tsconfig.json', '{ "compilerOptions": { "target": "nope" } }');
  await expect(check.errors()).rejects.toThrow(/tsconfig\.json: .*--target/);
  check.close();
}, 60_000);

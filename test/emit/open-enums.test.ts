// The exact declarations generated for listed values on real pages: open unions by default,
// closed by the config per field or all at once, and the fields whose lists are no enum.
import { describe, expect, test } from 'vitest';
import { emitSdk } from '../../generator/emit/sdk.js';
import type { Config } from '../../generator/config/types.js';
import { loadModel } from '../../generator/pipeline.js';

const PAGES = 'test/fixtures/corpus/zh/markdown/{management/管理用户/get-user,authentication/登录/signin}.md';

/** The declaration lines of `fields` in the generated interface of `structure`. */
async function declarations(config: Partial<Config>, structure: string, fields: string[]): Promise<string[]> {
  const { model } = await loadModel([PAGES], { config: { basePath: '/api/v3/', ...config } });
  const file = (await emitSdk(model, { typeCheck: false })).files.get(`src/models/${structure}.ts`) ?? '';
  const lines = file.split('\n').map((line) => line.trim());
  return fields.map((name) => lines.find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name}?:`)) ?? `${name}: missing`);
}

const USER_FIELDS = ['gender', 'userSourceType', 'status'];

describe('listed values in the generated types', () => {
  test('are open unions by default; a description with no list stays string', async () => {
    expect(await declarations({}, 'UserDto', USER_FIELDS)).toEqual([
      "gender: 'M' | 'F' | 'U' | (string & {});",
      "userSourceType: 'excel' | 'register' | 'adminCreated' | 'syncTask' | (string & {});",
      'status: string;',
    ]);
  });

  test('the list after a lead ending in `。` is a union; the space-separated scope is not', async () => {
    expect(await declarations({}, 'SignInOptionsDto', ['passwordEncryptType', 'scope'])).toEqual([
      "passwordEncryptType?: 'none' | 'rsa' | 'sm2' | (string & {});",
      'scope?: string;',
    ]);
  });

  test('close per field', async () => {
    expect(await declarations({ fields: { 'UserDto.gender': { enumClosed: true } } }, 'UserDto', USER_FIELDS)).toEqual([
      "gender: 'M' | 'F' | 'U';",
      "userSourceType: 'excel' | 'register' | 'adminCreated' | 'syncTask' | (string & {});",
      'status: string;',
    ]);
  });

  test('close all at once, a field kept open, a list given by the config', async () => {
    const config = {
      enumClosed: true,
      fields: { 'UserDto.userSourceType': { enumClosed: false }, 'UserDto.status': { enum: ['Activated', 'Suspended'] } },
    };
    expect(await declarations(config, 'UserDto', USER_FIELDS)).toEqual([
      "gender: 'M' | 'F' | 'U';",
      "userSourceType: 'excel' | 'register' | 'adminCreated' | 'syncTask' | (string & {});",
      "status: 'Activated' | 'Suspended';",
    ]);
  });
});

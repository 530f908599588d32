import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emitSdk } from '../../generator/emit/sdk.js';
import { SdkTypeError } from '../../generator/emit/type-check.js';
import { field, model, operation, structure } from '../support/model.js';

const sample = model(
  [
    operation('getUser', {
      http: { verb: 'GET', path: '/api/v3/get-user' },
      params: [field('userId', { required: true, in: 'query' }), field('withRoles', { type: { kind: 'primitive', type: 'boolean' }, in: 'query' })],
      response: 'UserRespDto',
    }),
    operation('createUser', {
      params: [field('email', { in: 'body' }), field('profile', { type: { kind: 'ref', ref: 'ProfileDto' }, required: true, in: 'body' })],
      response: 'UserRespDto',
    }),
    operation('updateUserTags', {
      params: [field('userId', { required: true, in: 'query' }), field('tags', { type: { kind: 'array', items: { kind: 'primitive', type: 'string' } }, in: 'body' })],
    }),
    operation('listApps', { client: 'AuthenticationClient', http: { verb: 'GET', path: '/api/v3/list-apps' } }),
  ],
  [
    structure('UserRespDto', [
      field('statusCode', { type: { kind: 'primitive', type: 'number' }, required: true }),
      field('data', { type: { kind: 'ref', ref: 'ProfileDto' } }),
    ]),
    structure('ProfileDto', [field('nickname'), field('self', { type: { kind: 'ref', ref: 'ProfileDto' } })]),
    structure('EmptyDto', []),
  ],
);

let templatesDir: string;
beforeAll(async () => {
  templatesDir = await mkdtemp(join(tmpdir(), 'docsdk-templates-'));
});
afterAll(() => rm(templatesDir, { recursive: true, force: true }));

describe('emitSdk', () => {
  test('is deterministic: same model, same bytes, paths sorted', async () => {
    const [a, b] = await Promise.all([emitSdk(sample), emitSdk(structuredClone(sample), { typeCheck: false })]);
    expect([...a.files]).toEqual([...b.files]);
    const paths = [...a.files.keys()];
    expect(paths).toEqual([...paths].sort());
  });

  test('methods: params placement by verb and Field.in, optional params default to {}, unknown without a response', async () => {
    const { files } = await emitSdk(sample, { typeCheck: false });
    const management = files.get('src/ManagementClient.ts')!;
    expect(management).toContain("{ method: 'POST', path: '/api/v3/createUser', body: params, envelope: true }");
    expect(management).toContain("{ method: 'GET', path: '/api/v3/get-user', query: params, envelope: true }");
    expect(management).toContain("{ method: 'POST', path: '/api/v3/updateUserTags', query: pick(params, ['userId']), body: pick(params, ['tags']) }");
    expect(management).toContain("import { HttpClient, pick, type ApiPromise, type ClientOptions, type RequestOptions } from './runtime.js';");
    expect(management).toContain('updateUserTags(params: UpdateUserTagsParams, options?: RequestOptions): ApiPromise<unknown> {');
    const authentication = files.get('src/AuthenticationClient.ts')!;
    expect(authentication).toContain('export type ListAppsParams = Record<string, never>;');
    expect(authentication).toContain('listApps(params: ListAppsParams = {}, options?: RequestOptions): ApiPromise<unknown> {');
    expect(authentication).toContain("import { HttpClient, type ApiPromise, type ClientOptions, type RequestOptions } from './runtime.js';");
  });

  test('path and header parameters go to pathParams and headers, picked; the path keeps their templates only', async () => {
    const op = operation('updatePet', {
      http: { verb: 'PUT', path: '/pets/{petId}/{other}' },
      params: [
        field('petId', { required: true, in: 'path' }),
        field('X-Trace', { in: 'header' }),
        field('dryRun', { type: { kind: 'primitive', type: 'boolean' }, in: 'query' }),
        field('name', { in: 'body' }),
        field('session', { in: 'cookie' }),
      ],
    });
    const { files, diagnostics } = await emitSdk(model([op], []));
    expect(files.get('src/ManagementClient.ts')).toContain(
      "{ method: 'PUT', path: '/pets/{petId}/%7Bother%7D', pathParams: pick(params, ['petId']), query: pick(params, ['dryRun']), headers: pick(params, ['X-Trace']), body: pick(params, ['name']) }",
    );
    expect(diagnostics).toEqual([
      { severity: 'warning', code: 'emit.cookie-param', message: "cookie parameter session is not sent: set it in the client's headers", file: 'page.md', section: 'params' },
    ]);
  });

  test('a paginated operation: an iterator typed by the items, its names as string literals and comment text only', async () => {
    const number = { kind: 'primitive', type: 'number' } as const;
    const hostile = "x'*/}`${pwned()}";
    const paged = model(
      [
        operation('listProfiles', {
          http: { verb: 'GET', path: '/api/v3/list-profiles' },
          params: [field(hostile, { type: number, in: 'query' }), field('limit', { type: number, in: 'query' })],
          response: 'ProfilePage',
          pagination: { pageParam: hostile, sizeParam: 'limit', itemsPath: ['data', 'list'], totalPath: ['data', 'total'] },
          inferred: ['http.verb', 'http.path', 'pagination'],
        }),
      ],
      [
        structure('ProfilePage', [field('data', { type: { kind: 'ref', ref: 'ProfileList' }, required: true })]),
        structure('ProfileList', [field('list', { type: { kind: 'array', items: { kind: 'ref', ref: 'ProfileDto' } }, required: true }), field('total', { type: number, required: true })]),
        structure('ProfileDto', [field('nickname')]),
      ],
    );
    const { files } = await emitSdk(paged); // type-checked: throws if it does not compile
    const client = files.get('src/ManagementClient.ts')!;
    expect(client).toContain("import { HttpClient, paginate, type ApiPromise, type ClientOptions, type RequestOptions } from './runtime.js';");
    expect(client).toContain("import type { ProfileDto } from './models/ProfileDto.js';");
    expect(client).toContain('  listProfilesIterate(params: ListProfilesParams = {}, options?: RequestOptions): AsyncGenerator<ProfileDto, void, undefined> {');
    expect(client).toContain(
      "    return paginate<ProfileDto, ListProfilesParams>((page) => this.listProfiles(page, options), params, { pageParam: 'x\\'*/}`${pwned()}', sizeParam: 'limit', itemsPath: ['data', 'list'], totalPath: ['data', 'total'] });",
    );
    expect(client).toContain('docsdk inferred the pagination from the parameters and the response structure.');
    expect(client).not.toMatch(/^\s*\*.*\*\/.*pwned/m);
    const readme = files.get('README.md')!;
    expect(readme).toContain('for await (const item of managementClient.listProfilesIterate({ limit: 50 })) {');
    expect(readme).toContain('| `ManagementClient` | `listProfiles` | `listProfilesIterate` |');
  });

  test('the README documents every feature and each client option, with its default', async () => {
    const readme = (await emitSdk(sample, { typeCheck: false, packageName: '@acme/sdk', packageVersion: '2.0.0' })).files.get('README.md')!;
    const sections = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['Build', 'Usage', 'Client options', 'Retries', 'Errors', 'Raw responses', 'Pagination', 'Hooks and logging', 'AuthenticationClient', 'ManagementClient']);
    const options = [...readme.matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map((m) => `${m[1]}=${m[2].trim()}`);
    expect(options.slice(0, 15)).toEqual([
      'baseUrl=(required)', 'token=none', 'apiKey=none', 'basic=none', 'headers=none', 'timeoutMs=`60000`', 'maxRetries=`2`',
      'retryNonIdempotent=`false`', 'beforeRequest=none', 'afterResponse=none', 'onError=none', 'logger=`console`', "logLevel=`'warn'`",
      'fetch=global `fetch`', 'clock=real time',
    ]);
    expect(readme).toContain('**POST and PATCH are not retried after a timeout, a connection error or a 5xx**');
    expect(readme).toContain("import { ApiConnectionError, ApiError, RateLimitError } from '@acme/sdk';");
    expect(readme).toContain('`User-Agent: @acme/sdk/2.0.0`');
    expect(readme).toContain('None of these operations is a paginated list');
    expect(readme).toContain("const { data, response } = await authenticationClient.listApps({}).withResponse();");
  });

  test('structures: self links need no import; no fields means any object', async () => {
    const { files } = await emitSdk(sample, { typeCheck: false });
    expect(files.get('src/models/ProfileDto.ts')).not.toContain('import');
    expect(files.get('src/models/ProfileDto.ts')).toContain('  self?: ProfileDto;\n');
    expect(files.get('src/models/EmptyDto.ts')).toContain('export type EmptyDto = Record<string, unknown>;\n');
  });

  test('package files: ESM package with types and exports, no dependencies; strict tsconfig; openapi.json', async () => {
    const { files } = await emitSdk(sample, { typeCheck: false, packageName: '@acme/sdk', packageVersion: '2.0.0' });
    const pkg = JSON.parse(files.get('package.json')!);
    expect(pkg).toMatchObject({ name: '@acme/sdk', version: '2.0.0', type: 'module', types: './dist/index.d.ts' });
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
    expect(pkg.dependencies).toBeUndefined();
    expect(JSON.parse(files.get('tsconfig.json')!).compilerOptions.strict).toBe(true);
    expect(JSON.parse(files.get('openapi.json')!)).toMatchObject({ openapi: '3.1.0', info: { title: '@acme/sdk' } });
    expect(files.get('README.md')).toContain("import { ApiError, AuthenticationClient, ManagementClient } from '@acme/sdk';");
    expect(files.get('README.md')).toContain("await managementClient.createUser({ profile: {} });");
  });

  test('a link to a structure no page defines is typed unknown, with a warning', async () => {
    const dangling = model([operation('getX', { params: [field('x', { type: { kind: 'ref', ref: 'Nowhere' } })], response: 'Missing' })]);
    const { files, diagnostics } = await emitSdk(dangling);
    expect(files.get('src/ManagementClient.ts')).toContain('  x?: unknown;\n');
    expect(diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['emit.type', 'warning', 'x: links to Nowhere, which no page defines: typed unknown'],
      ['emit.type', 'warning', 'response Missing is defined on no page: the method returns unknown'],
    ]);
  });
});

describe('templates', () => {
  test('a template of the same name replaces the default (partials too)', async () => {
    await writeFile(join(templatesDir, '_header.hbs'), '// Custom header\n');
    const { files } = await emitSdk(sample, { templatesDir, typeCheck: false });
    for (const [path, text] of files) if (path.endsWith('.ts')) expect(text.startsWith('// Custom header\n')).toBe(true);
    await rm(join(templatesDir, '_header.hbs'));
  });

  test('an unknown template name is an error naming the known ones', async () => {
    await writeFile(join(templatesDir, 'modle.ts.hbs'), '');
    await expect(emitSdk(sample, { templatesDir })).rejects.toThrow(/modle\.ts\.hbs: no template of that name; known: .*model\.ts\.hbs/);
    await rm(join(templatesDir, 'modle.ts.hbs'));
  });

  test('a template that names a missing view field fails', async () => {
    await writeFile(join(templatesDir, 'index.ts.hbs'), '{{nosuchfield}}');
    await expect(emitSdk(sample, { templatesDir })).rejects.toThrow(/nosuchfield/);
    await rm(join(templatesDir, 'index.ts.hbs'));
  });

  test('a template that renders code which does not compile fails the type check', async () => {
    await writeFile(join(templatesDir, 'model.ts.hbs'), 'export interface {{name}} { x: NotDeclaredAnywhere }\n');
    const error = await emitSdk(sample, { templatesDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkTypeError);
    expect((error as SdkTypeError).errors).toContain("src/models/EmptyDto.ts:1 - TS2304: Cannot find name 'NotDeclaredAnywhere'.");
    await rm(join(templatesDir, 'model.ts.hbs'));
  });

  test('a JSON template that renders invalid JSON fails', async () => {
    await writeFile(join(templatesDir, 'package.json.hbs'), '{ "name": {{name}}, }');
    await expect(emitSdk(sample, { templatesDir, typeCheck: false })).rejects.toThrow(/package\.json template rendered invalid JSON/);
    await rm(join(templatesDir, 'package.json.hbs'));
  });
});

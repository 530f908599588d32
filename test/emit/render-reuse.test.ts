// Files taken from the previous output without building their views (render-inputs.ts): a
// change to anything a file's view reads must render that file again. Each case emits the SDK
// of a model, then of the changed model with the first as the previous output, and compares
// it with a clean emit of the changed model: the same files and diagnostics, though the file
// the change shows differs from the previous one (so a wrong reuse would fail the case).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../generator/model/types.js';
import { emitSdk, type EmitOptions, type EmittedSdk, type PreviousSdk } from '../../generator/emit/sdk.js';
import { field, model, operation, structure } from '../support/model.js';
import { repoRoot } from '../helpers/cli.js';

const OPTIONS: Omit<EmitOptions, 'previous'> = { typeCheck: false, loadCheck: false };

function base(): Model {
  return model(
    [
      operation('listItems', {
        http: { verb: 'GET', path: '/api/v3/list-items' },
        params: [field('page', { type: { kind: 'primitive', type: 'integer' }, in: 'query' }), field('limit', { type: { kind: 'primitive', type: 'integer' }, in: 'query' })],
        response: 'ListResp',
        pagination: { pageParam: 'page', sizeParam: 'limit', itemsPath: ['data', 'list'], totalPath: ['data', 'totalCount'] },
      }),
      operation('getUser', { client: 'AuthenticationClient', response: 'UserResp' }),
    ],
    [
      structure('ListResp', [field('statusCode', { type: { kind: 'primitive', type: 'number' }, required: true }), field('data', { type: { kind: 'ref', ref: 'ListData' } })]),
      structure('ListData', [field('list', { type: { kind: 'array', items: { kind: 'ref', ref: 'Item' } } }), field('totalCount', { type: { kind: 'primitive', type: 'integer' } })]),
      structure('Item', [field('id')]),
      structure('UserResp', [field('statusCode', { type: { kind: 'primitive', type: 'number' }, required: true }), field('data', { type: { kind: 'ref', ref: 'User-Dto' } })]),
      structure('User-Dto', [field('nickname')]),
      structure('Holder', [field('user', { type: { kind: 'ref', ref: 'User-Dto' } })]),
    ],
  );
}

/** `sdk`'s files, those it took from `previous` unread (no text) with their text there, which has the same sha256. */
function withTaken(sdk: EmittedSdk, previous: EmittedSdk<string>): Map<string, string> {
  return new Map(
    [...sdk.files].map(([path, text]) => {
      if (text === undefined) expect(sdk.hashes.get(path), path).toBe(previous.hashes.get(path));
      return [path, text ?? previous.files.get(path)!];
    }),
  );
}

const asPrevious = (sdk: EmittedSdk<string>): PreviousSdk => ({ hashes: sdk.hashes, renders: sdk.renders, read: async (path) => sdk.files.get(path)! });

/** The previous emit, the emit of `after` with it as the previous output, and a clean emit of `after`. */
async function emitAfter(before: Model, after: Model, options: Omit<EmitOptions, 'previous'> = {}) {
  const first = await emitSdk(before, { ...OPTIONS, ...options });
  const [next, clean] = await Promise.all([emitSdk(after, { ...OPTIONS, ...options, previous: asPrevious(first) }), emitSdk(after, { ...OPTIONS, ...options })]);
  expect([...withTaken(next, first)]).toEqual([...clean.files]);
  expect(next.diagnostics).toEqual(clean.diagnostics);
  /** The paths whose text changed. */
  const changed = [...clean.files.keys()].filter((path) => first.files.get(path) !== clean.files.get(path)).sort();
  return { first, next, changed };
}

const edited = (change: (m: Model) => void): Model => {
  const m = base();
  change(m);
  return m;
};

describe('a file is taken from the previous output only when its view would be the same', () => {
  it('all of them, for the same model', async () => {
    const { next, changed } = await emitAfter(base(), base());
    expect(changed).toEqual([]);
    expect({ rendered: next.rendered, reused: next.reused }).toEqual({ rendered: 0, reused: next.files.size - 1 }); // openapi.json is not rendered
  });

  it('a model file renders again when its structure changes', async () => {
    const { next, changed } = await emitAfter(base(), edited((m) => (m.structures.Item.fields[0].description = 'The id, unique.')));
    expect(changed).toEqual(['openapi.json', 'src/models/Item.ts']);
    // And the client whose operations reach Item (a client's key holds every structure its operations reach).
    expect(next.rendered).toBe(2);
  });

  it('a model file renders again when a structure it refers to is named otherwise, its own structure unchanged', async () => {
    // `User Dto` sorts before `User-Dto` and claims the type name User_Dto first: User-Dto becomes User_Dto2.
    const { next, changed } = await emitAfter(base(), edited((m) => (m.structures['User Dto'] = structure('User Dto', [field('other')]))));
    expect(changed).toEqual(expect.arrayContaining(['src/models/Holder.ts', 'src/models/UserResp.ts']));
    expect(changed).not.toContain('src/models/Item.ts');
    expect(next.reused).toBeGreaterThan(0);
  });

  it('a client file renders again when a structure two links away from its operations changes (the items of a paginated response)', async () => {
    const { changed } = await emitAfter(base(), edited((m) => (m.structures.ListData.fields[0].type = { kind: 'array', items: { kind: 'primitive', type: 'string' } })));
    expect(changed).toEqual(['openapi.json', 'src/ManagementClient.ts', 'src/models/ListData.ts']);
  });

  it('a client file renders again when its response structure loses the business envelope', async () => {
    const { changed } = await emitAfter(base(), edited((m) => (m.structures.UserResp.fields[0].type = { kind: 'primitive', type: 'string' })));
    expect(changed).toEqual(['openapi.json', 'src/AuthenticationClient.ts', 'src/models/UserResp.ts']);
  });

  it('the client files render again for a new base URL; the model files are reused', async () => {
    const { next, changed } = await emitAfter(base(), edited((m) => (m.servers = ['https://api.example.org'])));
    expect(changed).toEqual(expect.arrayContaining(['src/AuthenticationClient.ts', 'src/ManagementClient.ts']));
    expect(changed.filter((path) => path.startsWith('src/models/'))).toEqual([]);
    expect(next.reused).toBeGreaterThanOrEqual(6);
  });

  it('the client files render again for a new User-Agent', async () => {
    const first = await emitSdk(base(), OPTIONS);
    const options = { ...OPTIONS, packageName: 'other-sdk' };
    const [next, clean] = await Promise.all([emitSdk(base(), { ...options, previous: asPrevious(first) }), emitSdk(base(), options)]);
    expect([...withTaken(next, first)]).toEqual([...clean.files]);
    expect(clean.files.get('src/ManagementClient.ts')).not.toBe(first.files.get('src/ManagementClient.ts'));
  });

  it('a file whose view warned is rendered again, and warns again', async () => {
    const warning = (m: Model) => (m.structures.Item.fields.push(field('owner', { type: { kind: 'ref', ref: 'NoSuchDto' } })));
    const { next, changed } = await emitAfter(edited(warning), edited(warning));
    expect(changed).toEqual([]);
    expect(next.diagnostics.map((d) => d.message)).toEqual(['owner: links to NoSuchDto, which no page defines: typed unknown']);
    expect(next.rendered).toBe(1);
  });
});

describe('a file taken from the previous output is not read', () => {
  it('unless the checks run: then every text is there', async () => {
    const first = await emitSdk(base(), OPTIONS);
    const after = edited((m) => (m.structures.Item.fields[0].type = { kind: 'primitive', type: 'number' }));
    const [next, clean] = await Promise.all([emitSdk(after, { ...OPTIONS, previous: asPrevious(first) }), emitSdk(after, OPTIONS)]);
    expect(next.checkStands).toBe(false);
    expect(next.reused).toBeGreaterThan(0);
    expect([...next.files]).toEqual([...clean.files]);
  });

  it('nor is a check input that names a JSON file ever taken unread: the check reuse must see it, and it runs the checks', async () => {
    const templatesDir = await mkdtemp(join(tmpdir(), 'docsdk-templates-'));
    try {
      const model = await readFile(join(repoRoot, 'templates', 'model.ts.hbs'), 'utf8');
      await writeFile(join(templatesDir, 'model.ts.hbs'), `${model}// as in ./data.json\n`);
      const options = { ...OPTIONS, templatesDir };
      const first = await emitSdk(base(), options);
      const next = await emitSdk(base(), { ...options, previous: asPrevious(first) });
      expect(next.files.get('src/models/Item.ts')).toContain('./data.json');
      expect(next.checkStands).toBe(false);
    } finally {
      await rm(templatesDir, { recursive: true, force: true });
    }
  });
});

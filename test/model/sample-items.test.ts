// Item types of untyped arrays from the samples a page shows, as the generated SDK types
// them. Pages are real corpus pages; where the corpus has no instance of a source, the test
// edits one cell or one sample line of a real page and says which.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emitSdk } from '../../generator/emit/sdk.js';
import { buildModel } from '../../generator/model/build.js';
import { inferItemsFromSamples, sampleItems } from '../../generator/model/sample-items.js';
import type { Model } from '../../generator/model/types.js';
import { applyOverrides } from '../../generator/config/overrides.js';
import { parsePage } from '../../generator/parse/page.js';
import { fixturePage, textPage } from '../helpers/pages.js';
import { field, model, operation, structure } from '../support/model.js';

const GET_USER = 'management/管理用户/get-user';
const getUserText = readFileSync(fixturePage('zh', 'markdown', GET_USER).abs, 'utf8');

/** The model of pages given as text (real pages, some edited), item types from samples applied. */
function modelOf(pages: Record<string, string>): Model {
  const results = Object.entries(pages).map(([rel, text]) => parsePage(textPage(rel, text)));
  return inferItemsFromSamples(buildModel(results, { basePath: '/api/v3/' }));
}

/** `name?: type;` as the generated interface of `structure` declares it. */
async function declaration(model: Model, structure: string, name: string): Promise<string> {
  const sdk = await emitSdk(model, { typeCheck: false });
  const file = sdk.files.get(`src/models/${structure}.ts`) ?? '';
  return file.split('\n').find((line) => line.trimStart().startsWith(`${name}:`) || line.trimStart().startsWith(`${name}?:`))?.trim() ?? `${name}: not declared`;
}

/** The page with one line replaced: the edit must find its line, or the test means nothing. */
function edited(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

const DEPARTMENT_IDS_ROW = '| departmentIds | array | 否 | 用户所属部门 ID 列表   |  `["624d930c3xxxx5c08dd4986e","624d93102xxxx012f33cd2fe"]` |';
const withDepartmentIdsSample = (sample: string) =>
  edited(getUserText, DEPARTMENT_IDS_ROW, `| departmentIds | array | 否 | 用户所属部门 ID 列表   |  ${sample} |`);

describe('sampleItems', () => {
  it('reads JSON arrays, JSON strings holding one, and bracketed lists of words', () => {
    expect(sampleItems('["624d930c3xxxx5c08dd4986e","624d93102xxxx012f33cd2fe"]')).toBe('string');
    expect(sampleItems('"[\\"605492ac41xxxxe0362f0707\\"]"')).toBe('string');
    expect(sampleItems('[FORBID_LOGIN]')).toBe('string');
    expect(sampleItems('[FORBID_LOGIN, 3]')).toBe('mixed');
    expect(sampleItems([1, 2.5])).toBe('number');
    expect(sampleItems('[true]')).toBe('boolean');
  });

  it('says nothing of empty lists, non-lists and bracketed text that is no list of words', () => {
    expect([sampleItems('[]'), sampleItems([]), sampleItems('624d930c'), sampleItems('[object Object]'), sampleItems({ a: 1 })]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect([sampleItems('[{"id":1}]'), sampleItems('["a", 1]'), sampleItems('[null]')]).toEqual(['mixed', 'mixed', 'mixed']);
  });
});

describe('item types from samples on real pages', () => {
  it('types items from the field’s own sample cell, marked inferred with the cell as evidence', async () => {
    const model = modelOf({ [`${GET_USER}.md`]: getUserText });
    const field = model.structures.UserDto.fields.find((f) => f.name === 'departmentIds')!;
    expect([field.type, field.inferred, field.itemsEvidence]).toEqual([
      { kind: 'array', items: { kind: 'primitive', type: 'string' } },
      ['items'],
      { file: `${GET_USER}.md`, section: 'structure:UserDto', row: 49 },
    ]);
    expect(await declaration(model, 'UserDto', 'departmentIds')).toBe('departmentIds?: string[];');
    // No sample anywhere shows registerSource's items: left unknown.
    expect(await declaration(model, 'UserDto', 'registerSource')).toBe('registerSource?: unknown[];');
  });

  it('reads an own sample that is a JSON string holding an array, or a bracketed list that is not JSON', async () => {
    const jsonString = modelOf({ [`${GET_USER}.md`]: withDepartmentIdsSample('`"[\\"624d930c3xxxx5c08dd4986e\\"]"`') });
    expect(await declaration(jsonString, 'UserDto', 'departmentIds')).toBe('departmentIds?: string[];');
    const bracketed = modelOf({ [`${GET_USER}.md`]: withDepartmentIdsSample('`[FORBID_LOGIN]`') });
    expect(await declaration(bracketed, 'UserDto', 'departmentIds')).toBe('departmentIds?: string[];');
  });

  it('leaves an ambiguous own sample unknown, even where the response sample would say more', async () => {
    const mixed = modelOf({ [`${GET_USER}.md`]: withDepartmentIdsSample('`["624d930c3xxxx5c08dd4986e", 3]`') });
    expect(await declaration(mixed, 'UserDto', 'departmentIds')).toBe('departmentIds?: unknown[];');
  });

  it('follows the response JSON sample along the field’s path when the cell is empty', async () => {
    // The cell emptied; the response sample shows `data.departmentIds` as a JSON string holding an array.
    const model = modelOf({ [`${GET_USER}.md`]: withDepartmentIdsSample('') });
    const field = model.structures.UserDto.fields.find((f) => f.name === 'departmentIds')!;
    expect(field.itemsEvidence).toEqual({ file: `${GET_USER}.md`, section: 'response-example' });
    expect(await declaration(model, 'UserDto', 'departmentIds')).toBe('departmentIds?: string[];');
    // An empty own sample (`[]`) says nothing either: the response sample decides.
    const empty = modelOf({ [`${GET_USER}.md`]: withDepartmentIdsSample('`[]`') });
    expect(await declaration(empty, 'UserDto', 'departmentIds')).toBe('departmentIds?: string[];');
  });

  it('follows arrays of structures shown as one object, and never takes another structure’s key of the same name', async () => {
    // IdentityDto.originConnIds emptied: the response shows `data.identities` (IdentityDto[]) as one object.
    // `registerSource` added to that object: IdentityDto has no such field, so UserDto.registerSource stays unknown.
    let text = edited(getUserText, '| originConnIds | array | 是 | 身份来自的身份源连接 ID 列表   |  `["605492ac41xxxxe0362f0707"]` |', '| originConnIds | array | 是 | 身份来自的身份源连接 ID 列表   |  |');
    text = edited(text, '      "originConnIds": "[\\"605492ac41xxxxe0362f0707\\"]"', '      "originConnIds": "[\\"605492ac41xxxxe0362f0707\\"]",\n      "registerSource": ["wechat"]');
    const model = modelOf({ [`${GET_USER}.md`]: text });
    expect(await declaration(model, 'IdentityDto', 'originConnIds')).toBe('originConnIds: string[];');
    expect(await declaration(model, 'UserDto', 'registerSource')).toBe('registerSource?: unknown[];');
  });

  it('follows a parameter’s sample into the structure it is typed by', async () => {
    // list_users: `options` is ListUsersOptionsDto; its sample holds `fuzzySearchOn`, whose own cell is empty.
    const text = readFileSync(fixturePage('zh', 'markdown', 'management/管理用户/list-users').abs, 'utf8');
    const model = modelOf({ 'management/管理用户/list-users.md': text });
    const field = model.structures.ListUsersOptionsDto.fields.find((f) => f.name === 'fuzzySearchOn')!;
    expect([field.example, field.itemsEvidence]).toEqual([undefined, { file: 'management/管理用户/list-users.md', section: 'params', row: 4 }]);
    // The listed values stay an open union over the items.
    expect(await declaration(model, 'ListUsersOptionsDto', 'fuzzySearchOn')).toBe(
      "fuzzySearchOn?: ('phone' | 'email' | 'name' | 'username' | 'nickname' | 'id' | 'company' | 'givenName' | 'familyName' | 'middleName' | 'preferredUsername' | 'profile' | 'website' | 'address' | 'formatted' | 'streetAddress' | 'postalCode' | (string & {}))[];",
    );
  });

  it('lets a config override win over items read from samples', async () => {
    const model = modelOf({ [`${GET_USER}.md`]: getUserText });
    const { model: overridden } = applyOverrides(model, { fields: { 'UserDto.departmentIds': { type: 'number[]' } } });
    const field = overridden.structures.UserDto.fields.find((f) => f.name === 'departmentIds')!;
    expect([field.type, field.inferred, field.itemsEvidence]).toEqual([{ kind: 'array', items: { kind: 'primitive', type: 'number' } }, undefined, undefined]);
    expect(await declaration(overridden, 'UserDto', 'departmentIds')).toBe('departmentIds?: number[];');
  });
});

describe('hostile samples', () => {
  const untyped = { kind: 'array', items: { kind: 'primitive', type: 'unknown' } } as const;

  it('follows a self-referencing structure only as deep as a real one nests, and reads nothing from deep junk', () => {
    // TreeDto.children is TreeDto[]; the sample nests 100,000 levels, its leaf tags far below the bound.
    const deep = '{"children":'.repeat(100_000) + '{"tags":["x"]}' + '}'.repeat(100_000);
    const tree = model(
      [operation('getTree', { response: 'TreeDto', responseExample: deep })],
      [structure('TreeDto', [field('children', { type: { kind: 'array', items: { kind: 'ref', ref: 'TreeDto' } } }), field('tags', { type: untyped })])],
    );
    expect(inferItemsFromSamples(tree).structures.TreeDto.fields[1].type).toEqual(untyped);
    const shallow = model(
      [operation('getTree', { response: 'TreeDto', responseExample: '{"children":[{"children":{"tags":["x"]}}]}' })],
      [structure('TreeDto', [field('children', { type: { kind: 'array', items: { kind: 'ref', ref: 'TreeDto' } } }), field('tags', { type: untyped })])],
    );
    expect(inferItemsFromSamples(shallow).structures.TreeDto.fields[1].type).toEqual({ kind: 'array', items: { kind: 'primitive', type: 'string' } });
  });

  it('follows a cycle of structures to the untyped array in it; a cycle that holds none is left as it is', () => {
    // AccountDto ↔ OwnerDto: the untyped array is one structure into the cycle; NoteDto and its cycle hold none.
    const ref = (name: string) => ({ kind: 'ref', ref: name }) as const;
    const m = model(
      [
        operation('getAccount', { response: 'AccountDto', responseExample: '{"owner":{"account":{"owner":{"roles":["admin"]}}}}' }),
        operation('getNote', { response: 'NoteDto', responseExample: '{"next":{"next":' }),
      ],
      [
        structure('AccountDto', [field('owner', { type: ref('OwnerDto') })]),
        structure('OwnerDto', [field('account', { type: ref('AccountDto') }), field('roles', { type: untyped })]),
        structure('NoteDto', [field('next', { type: ref('NoteDto') }), field('tags', { type: { kind: 'array', items: { kind: 'primitive', type: 'string' } } })]),
      ],
    );
    const typed = inferItemsFromSamples(m);
    expect(typed.structures.OwnerDto.fields[1]).toMatchObject({ type: { kind: 'array', items: { kind: 'primitive', type: 'string' } }, itemsEvidence: { file: 'getAccount.md', section: 'response-example' } });
    expect(typed.structures.NoteDto.fields[1].type).toEqual({ kind: 'array', items: { kind: 'primitive', type: 'string' } });
  });

  it('gives no item type for brackets nested 100,000 deep', () => {
    expect(sampleItems('['.repeat(100_000) + ']'.repeat(100_000))).toBe('mixed');
    expect(sampleItems('[' + 'a,'.repeat(100_000) + '[b]]')).toBeUndefined();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { applyOverrides } from '../../generator/config/overrides.js';
import { checkConfig } from '../../generator/config/validate.js';
import { inferPagination } from '../../generator/model/pagination.js';
import type { Model, Operation, Structure } from '../../generator/model/types.js';
import { loadModel } from '../../generator/pipeline.js';
import { field, operation, structure } from '../support/model.js';

const number = { kind: 'primitive', type: 'number' } as const;
const LIST = { pageParam: 'page', sizeParam: 'limit', itemsPath: ['data', 'list'], totalPath: ['data', 'totalCount'] };

let model: Model;
const op = (name: string): Operation => model.clients.flatMap((c) => c.operations).find((o) => o.name === name)!;

beforeAll(async () => {
  ({ model } = await loadModel(['test/fixtures/corpus/zh/markdown']));
});

describe('the pagination rule on the fixture corpus', () => {
  it('finds the 28 operations with page and limit parameters and a data.list with a totalCount', () => {
    const paginated = model.clients.flatMap((c) => c.operations).filter((o) => o.pagination);
    expect(paginated.map((o) => o.name)).toEqual([
      'getDepartmentList',
      'getLoginHistory',
      'getAsaAccountAssignedTargets',
      'getPipelineLogs',
      'getResourceAuthorizedTargets',
      'getUserDepartments',
      'getUserLoginHistory',
      'getWebhookLogs',
      'listApplicationSimpleInfo',
      'listApplications',
      'listArchivedUsers',
      'listAsaAccount',
      'listAuthApplication',
      'listCommonResource',
      'listDepartmentMembers',
      'listGroupMembers',
      'listGroups',
      'listNamespaces',
      'listOrganizations',
      'listResources',
      'listRoleAssignments',
      'listRoleDepartments',
      'listRoleMembers',
      'listRoles',
      'listTenantExtIdp',
      'listWebhooks',
      'searchDepartmentMembers',
      'searchOrganizations',
    ]);
    for (const o of paginated) expect(o.inferred, o.name).toContain('pagination');
    expect(op('listGroups').pagination).toEqual(LIST);
    // The list is named `data` there: the structure decides, not the name.
    expect(op('listRoleAssignments').pagination).toEqual({ ...LIST, itemsPath: ['data', 'data'] });
  });

  it('leaves out lists without a total, a count that is an object, page numbers typed string, and nested paging options', () => {
    expect(op('searchDepartmentsList').pagination).toBeUndefined(); // data is the array itself, no total
    expect(op('listCustFields').pagination).toBeUndefined(); // count is a CountCustomFieldsDto
    expect(op('listTenantApplications').pagination).toBeUndefined(); // page | string
    expect(op('listUsers').pagination).toBeUndefined(); // options.pagination.page: not a parameter of its own
    expect(op('getUserGroups').pagination).toBeUndefined(); // a list and a total, but no page parameter
    expect(op('listUsers').inferred).not.toContain('pagination');
  });
});

describe('inferPagination', () => {
  const page = (fields: Structure['fields']) => ({ Page: structure('Page', fields) });

  it('reads other page and size names, and a list at the top of the response', () => {
    const o = operation('listThings', { params: [field('page_no', { type: number }), field('pageSize', { type: number })], response: 'Page' });
    expect(inferPagination(o, page([field('items', { type: { kind: 'array', items: number } }), field('total', { type: number })]))).toEqual({
      pageParam: 'page_no',
      sizeParam: 'pageSize',
      itemsPath: ['items'],
      totalPath: ['total'],
    });
  });

  it('needs both parameters as numbers, one array beside the total, and a response it can read', () => {
    const list = [field('items', { type: { kind: 'array', items: number } }), field('total', { type: number })];
    const params = [field('page', { type: number }), field('limit', { type: number })];
    expect(inferPagination(operation('a', { params: params.slice(0, 1), response: 'Page' }), page(list))).toBeUndefined();
    expect(inferPagination(operation('b', { params: [params[0], field('limit')], response: 'Page' }), page(list))).toBeUndefined();
    expect(inferPagination(operation('c', { params }), page(list))).toBeUndefined();
    expect(inferPagination(operation('d', { params, response: 'Missing' }), page(list))).toBeUndefined();
    const twoArrays = [...list, field('more', { type: { kind: 'array', items: number } })];
    expect(inferPagination(operation('e', { params, response: 'Page' }), page(twoArrays))).toBeUndefined();
  });

  it('stops on structures that contain themselves and on a depth bound', () => {
    const params = [field('page', { type: number }), field('limit', { type: number })];
    const loop = { Page: structure('Page', [field('next', { type: { kind: 'ref', ref: 'Page' } })]) };
    expect(inferPagination(operation('a', { params, response: 'Page' }), loop)).toBeUndefined();
    const deep = {
      A: structure('A', [field('b', { type: { kind: 'ref', ref: 'B' } })]),
      B: structure('B', [field('c', { type: { kind: 'ref', ref: 'C' } })]),
      C: structure('C', [field('d', { type: { kind: 'ref', ref: 'D' } })]),
      D: structure('D', [field('list', { type: { kind: 'array', items: number } }), field('total', { type: number })]),
    };
    expect(inferPagination(operation('a', { params, response: 'A' }), deep)).toBeUndefined();
    expect(inferPagination(operation('b', { params, response: 'B' }), deep)).toEqual({ pageParam: 'page', sizeParam: 'limit', itemsPath: ['c', 'd', 'list'], totalPath: ['c', 'd', 'total'] });
  });
});

describe('pagination in docsdk.config.json', () => {
  it('sets it (no longer inferred), removes it with false, and warns about parameters the operation lacks', () => {
    const nested = { pageParam: 'page', sizeParam: 'limit', itemsPath: ['data', 'list'], totalPath: ['data', 'totalCount'] };
    const { model: out, diagnostics } = applyOverrides(model, {
      operations: {
        listGroups: { pagination: false },
        listRoles: { pagination: { ...nested, sizeParam: 'size' } },
        searchDepartmentsList: { pagination: { ...nested, itemsPath: ['data'], totalPath: ['none'] } },
      },
    });
    const find = (name: string) => out.clients.flatMap((c) => c.operations).find((o) => o.name === name)!;
    expect(find('listGroups').pagination).toBeUndefined();
    expect(find('listGroups').inferred).not.toContain('pagination');
    expect(find('searchDepartmentsList').pagination).toEqual({ ...nested, itemsPath: ['data'], totalPath: ['none'] });
    expect(find('listRoles').inferred).not.toContain('pagination');
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'config.pagination-param',
        message: 'operations.listRoles.pagination: listRoles has no parameter size; the iterator sends it anyway',
        file: 'docsdk.config.json',
        section: 'operations.listRoles.pagination',
      },
    ]);
    expect(op('listGroups').pagination).toEqual(LIST); // the input model is not touched
  });

  it('the schema takes false or all four keys, nothing else', () => {
    const check = (pagination: unknown) => checkConfig({ operations: { listGroups: { pagination } }, basePath: '/api/v3/' }, 'docsdk.config.json').diagnostics.length;
    expect(check(false)).toBe(0);
    expect(check(LIST)).toBe(0);
    expect(check(true)).toBeGreaterThan(0);
    expect(check({ pageParam: 'page' })).toBeGreaterThan(0);
    expect(check({ ...LIST, itemsPath: [] })).toBeGreaterThan(0);
    expect(check({ ...LIST, extra: 1 })).toBeGreaterThan(0);
  });
});

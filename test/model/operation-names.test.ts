// Two pages, one method name: every page yields an operation, told apart by its file name,
// whatever order the pages come in; a config name settles it; OpenAPI and diff agree.
import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../generator/config/overrides.js';
import { diffModels } from '../../generator/diff/changes.js';
import { modelFromOpenApi } from '../../generator/diff/openapi-model.js';
import { buildModel } from '../../generator/model/build.js';
import type { Model } from '../../generator/model/types.js';
import { toOpenApi } from '../../generator/openapi/export.js';
import { parsePage } from '../../generator/parse/page.js';
import { fixturePage, textPage } from '../helpers/pages.js';

const options = { basePath: '/api/v3/' };
const groups = fixturePage('zh', 'markdown', 'management/管理用户/get-user-groups');
const scoped = textPage('management/管理用户/get-user-groups-by-user.md', groups.bytes);
const names = (model: Model) => model.clients.flatMap((c) => c.operations.map((o) => `${c.name}.${o.name} ${o.source.file}`));

describe('same method name on two pages', () => {
  const pages = [parsePage(groups), parsePage(scoped)];
  const model = buildModel(pages, options);

  it('gives each page an operation; the one whose file name is the method keeps the name', () => {
    expect(names(model)).toEqual([
      'ManagementClient.getUserGroups management/管理用户/get-user-groups.md',
      'ManagementClient.getUserGroupsByUser management/管理用户/get-user-groups-by-user.md',
    ]);
    const [kept, renamed] = model.clients[0].operations;
    expect([kept.rawName, renamed.rawName]).toEqual(['get_user_groups', 'get_user_groups']);
    expect(renamed.inferred).toContain('name');
    expect(kept.inferred).not.toContain('name');
    expect(renamed.http.path).toBe('/api/v3/get-user-groups-by-user');
  });

  it('warns once, at the renamed page, naming both pages', () => {
    expect(model.diagnostics.filter((d) => d.code === 'operation.duplicate-name')).toEqual([
      {
        severity: 'warning',
        code: 'operation.duplicate-name',
        message:
          "ManagementClient.getUserGroups is also the method of management/管理用户/get-user-groups.md; this page's operation is named getUserGroupsByUser (from its file name; set operations.getUserGroupsByUser.name in docsdk.config.json to choose the name)",
        file: 'management/管理用户/get-user-groups-by-user.md',
        section: 'method',
      },
    ]);
  });

  it('names the same whatever order the pages are read in', () => {
    expect(JSON.stringify(buildModel([...pages].reverse(), options))).toBe(JSON.stringify(model));
  });

  it('when no file name is the method: the first page in path order keeps it, then folders, then numbers tell them apart', () => {
    const three = buildModel(
      [textPage('m/b/list.md', groups.bytes), textPage('m/a/list.md', groups.bytes), textPage('m/b/x/list.md', groups.bytes)].map(parsePage),
      options,
    );
    expect(names(three)).toEqual([
      'ManagementClient.getUserGroups m/a/list.md',
      // list is taken: the method name and the folders the keeper's path does not have.
      'ManagementClient.getUserGroupsBX m/b/x/list.md',
      'ManagementClient.list m/b/list.md',
    ]);
    const same = buildModel([textPage('m/a/g.md', groups.bytes), textPage('m/a/get-user-groups.md', groups.bytes), textPage('n/a/get-user-groups.md', groups.bytes)].map(parsePage), options);
    // Two file names give getUserGroups: the first keeps it; the other is told apart by its folder.
    expect(names(same)).toEqual([
      'ManagementClient.g m/a/g.md',
      'ManagementClient.getUserGroups m/a/get-user-groups.md',
      'ManagementClient.getUserGroupsN n/a/get-user-groups.md',
    ]);
  });

  it('never hands out a name another page has', () => {
    const other = textPage('management/x/other.md', groups.bytes.toString().replace('ManagementClient.get_user_groups', 'ManagementClient.get_user_groups_by_user'));
    const model = buildModel([parsePage(groups), parsePage(scoped), parsePage(other)], options);
    expect(names(model)).toEqual([
      'ManagementClient.getUserGroups management/管理用户/get-user-groups.md',
      'ManagementClient.getUserGroups2 management/管理用户/get-user-groups-by-user.md',
      'ManagementClient.getUserGroupsByUser management/x/other.md',
    ]);
  });

  it('takes the name the config sets, which settles the warning', () => {
    const { model: out, diagnostics } = applyOverrides(model, { operations: { getUserGroupsByUser: { name: 'listUserGroupsOfUser', verb: 'GET' } } });
    expect(diagnostics).toEqual([]);
    expect(names(out)).toEqual([
      'ManagementClient.getUserGroups management/管理用户/get-user-groups.md',
      'ManagementClient.listUserGroupsOfUser management/管理用户/get-user-groups-by-user.md',
    ]);
    const renamed = out.clients[0].operations[1];
    expect([renamed.http.verb, renamed.inferred]).toEqual(['GET', ['http.path']]);
    expect(out.diagnostics.filter((d) => d.code === 'operation.duplicate-name')).toEqual([]);
  });

  it('refuses a configured name the client already has', () => {
    const { model: out, diagnostics } = applyOverrides(model, { operations: { getUserGroupsByUser: { name: 'getUserGroups' } } });
    expect(diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`)).toEqual([
      'error config.name-conflict: operations.getUserGroupsByUser.name: ManagementClient already has an operation getUserGroups; not renamed',
    ]);
    expect(names(out)).toEqual(names(model));
  });

  it('exports unique operationIds, and diff sees no change between the pages and their OpenAPI file', () => {
    const doc = toOpenApi(model) as any;
    expect([doc.paths['/api/v3/get-user-groups'].get.operationId, doc.paths['/api/v3/get-user-groups-by-user'].get.operationId]).toEqual([
      'getUserGroups',
      'getUserGroupsByUser',
    ]);
    expect(diffModels(model, buildModel([...pages].reverse(), options)).changes).toEqual([]);
    expect(diffModels(modelFromOpenApi(toOpenApi(model) as any), modelFromOpenApi(doc)).changes).toEqual([]);
  });

  it('across clients: the page whose file name is the name keeps the operationId, the other is prefixed with its client, and reads back as the same method', () => {
    const auth = textPage('authentication/x/get-my-user-groups.md', groups.bytes.toString().replace('ManagementClient.get_user_groups', 'AuthenticationClient.get_user_groups'));
    const two = buildModel([parsePage(auth), parsePage(groups)], options);
    const doc = toOpenApi(two) as any;
    expect([doc.paths['/api/v3/get-user-groups'].get.operationId, doc.paths['/api/v3/get-my-user-groups'].get.operationId]).toEqual([
      'getUserGroups',
      'AuthenticationClient_getUserGroups',
    ]);
    expect(names(modelFromOpenApi(doc)).map((n) => n.split(' ')[0])).toEqual(['AuthenticationClient.getUserGroups', 'ManagementClient.getUserGroups']);
  });
});

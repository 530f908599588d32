import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build.js';
import { parsePage } from '../../generator/parse/page.js';
import { fixturePage, textPage } from '../helpers/pages.js';

const options = { basePath: '/api/v3/' };
const page = (name: string) => fixturePage('zh', 'markdown', name);
const groups = page('management/管理用户/get-user-groups');
const listGroups = page('management/管理用户分组/list-groups');

describe('buildModel', () => {
  it('merges identical structures from several pages into one, remembering every page', () => {
    const model = buildModel([parsePage(groups), parsePage(listGroups)], options);
    expect(model.structures.UserDto.seenIn).toEqual(['management/管理用户/get-user-groups.md', 'management/管理用户分组/list-groups.md']);
    expect(model.structures.UserDto.source.file).toBe('management/管理用户/get-user-groups.md');
    expect(model.diagnostics.filter((d) => d.code === 'structure.conflict')).toEqual([]);
  });

  it('warns about differing definitions, naming both pages and the field, and picks deterministically', () => {
    const changed = groups.bytes.toString().replace('| totalCount | number | 是 |', '| totalCount | string | 是 |');
    const a = parsePage(textPage('a/changed.md', changed));
    const b = parsePage(groups);
    const c = parsePage(textPage('z/copy.md', groups.bytes));
    for (const order of [[a, b, c], [c, b, a]]) {
      const model = buildModel(order, options);
      // Two pages agree on number: the majority wins, whatever the order.
      expect(model.structures.GroupPagingDto.fields[0].type).toEqual({ kind: 'primitive', type: 'number' });
      expect(model.diagnostics.filter((d) => d.code === 'structure.conflict')).toEqual([
        {
          severity: 'warning',
          code: 'structure.conflict',
          message:
            'GroupPagingDto is defined differently on a/changed.md (field totalCount differs (string, required there, number, required here)); the definition from management/管理用户/get-user-groups.md is used',
          file: 'a/changed.md',
          section: 'structure:GroupPagingDto',
        },
      ]);
    }
  });

  it('prefers a definition with fields over an empty section', () => {
    const emptied = groups.bytes.toString().replace(/(### <a id="IdentityDto"><\/a> IdentityDto\n)[\s\S]*?(\n### |\n## |$)/, '$1$2');
    const model = buildModel([parsePage(textPage('a/empty.md', emptied)), parsePage(listGroups)], options);
    expect(model.structures.IdentityDto.fields).toHaveLength(9);
    expect(model.diagnostics.find((d) => d.code === 'structure.empty')?.file).toBe('a/empty.md');
  });

  it('keeps references to structures defined nowhere as diagnosed stand-ins', () => {
    const text = groups.bytes.toString().replace(/### <a id="GroupPagingDto">[\s\S]*?(?=### <a id="ResGroupDto">)/, '');
    const model = buildModel([parsePage(textPage('a/missing.md', text))], options);
    expect(model.structures.GroupPagingDto).toEqual({
      name: 'GroupPagingDto',
      fields: [],
      source: { file: 'a/missing.md', section: 'response', row: 5 },
      seenIn: ['a/missing.md'],
      placeholder: true,
    });
    expect(model.diagnostics.filter((d) => d.code === 'structure.undefined').map((d) => `${d.file} ${d.section} ${d.row}: ${d.message}`)).toEqual([
      'a/missing.md response 5: GroupPagingDto is referenced but defined on no page; it is typed as an object with unknown fields',
    ]);
  });

  it('keeps both pages that document one method, the copy named from its file name', () => {
    const model = buildModel([parsePage(textPage('b/dup.md', groups.bytes)), parsePage(groups)], options);
    expect(model.clients[0].operations.map((o) => [o.name, o.source.file])).toEqual([
      ['dup', 'b/dup.md'],
      ['getUserGroups', 'management/管理用户/get-user-groups.md'],
    ]);
    expect(model.diagnostics.filter((d) => d.code === 'operation.duplicate-name').map((d) => `${d.file}: ${d.message}`)).toEqual([
      'b/dup.md: ManagementClient.getUserGroups is also the method of management/管理用户/get-user-groups.md; this page\'s operation is named dup (from its file name; set operations.dup.name in docsdk.config.json to choose the name)',
    ]);
  });

  it('infers verb, path and parameter location, and marks them inferred', () => {
    const model = buildModel([parsePage(groups), parsePage(page('management/管理用户分组/create-group'))], options);
    const [create, get] = model.clients[0].operations;
    expect([get.http, get.params.map((p) => p.in), get.inferred]).toEqual([{ verb: 'GET', path: '/api/v3/get-user-groups' }, ['query', 'query'], ['http.verb', 'http.path']]);
    expect([create.http.verb, create.params.every((p) => p.in === 'body')]).toEqual(['POST', true]);
  });

  it('keeps a page file name one URL path segment, and skips names of only dots', () => {
    const model = buildModel([parsePage(textPage('m/a b?c.md', groups.bytes)), parsePage(textPage('m/...md', page('management/管理用户分组/create-group').bytes))], options);
    expect(model.clients[0].operations.map((o) => o.http.path)).toEqual(['/api/v3/a%20b%3Fc']);
    expect(model.diagnostics.filter((d) => d.code === 'page.bad-name').map((d) => d.file)).toEqual(['m/...md']);
  });

  it('is plain JSON and the same for the same pages', () => {
    const one = buildModel([parsePage(groups), parsePage(listGroups)], options);
    const two = buildModel([parsePage(listGroups), parsePage(groups)], options);
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
    expect(JSON.parse(JSON.stringify(one))).toEqual(JSON.parse(JSON.stringify(two)));
  });
});

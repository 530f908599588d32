import { describe, expect, it } from 'vitest';
import { parsePage } from '../../generator/parse/page.js';
import { fixturePage, textPage } from '../helpers/pages.js';

// Pages of this kind that the corpus does not hold: other language editions and layouts.
const source = fixturePage('zh', 'markdown', 'management/管理用户/get-user-groups').bytes.toString();
const parse = (text: string) => parsePage(textPage('management/x/get-user-groups.md', text));

describe('other editions of the same pages', () => {
  it('reads camelCase and PascalCase method names', () => {
    expect(parse(source.replace('ManagementClient.get_user_groups', 'ManagementClient.getUserGroups')).operation!.name).toBe('getUserGroups');
    expect(parse(source.replace('ManagementClient.get_user_groups', 'ManagementClient.GetUserGroups')).operation!.name).toBe('getUserGroups');
  });

  it('reads a method name given in a code block', () => {
    const op = parse(source.replace('`ManagementClient.get_user_groups`', '```\nManagementClient.get_user_groups\n```')).operation!;
    expect([op.client, op.name, op.inferred]).toEqual(['ManagementClient', 'getUserGroups', []]);
  });

  it('reads a response type given as a link, and structures under h4 headings', () => {
    const text = source.replace('类型： `GroupPaginatedRespDto`', 'Type: <a href="#GroupPaginatedRespDto">GroupPaginatedRespDto</a>').replace(/^### /gm, '#### ');
    const { operation, structures } = parse(text);
    expect(operation!.response).toBe('GroupPaginatedRespDto');
    expect(structures.map((s) => s.name)).toEqual(['GroupPagingDto', 'ResGroupDto', 'UserDto', 'IdentityDto', 'GroupPaginatedRespDto']);
  });

  it('maps columns by header words whatever their order', () => {
    const text = source
      .replace(/\| 名称 \| 类型 \| <div style="width:80px">是否必填<\/div> \| <div style="width:60px">默认值<\/div> \|/, '| 类型 | 名称 | 默认值 | 是否必填 |')
      .replace('| userId | string  | 是 | - |', '| string | userId | - | 是 |')
      .replace('| userIdType | string  | 否 | user_id |', '| string | userIdType | user_id | 否 |');
    const params = parse(text).operation!.params;
    expect(params.map((p) => [p.name, p.required, p.default])).toEqual([
      ['userId', true, undefined],
      ['userIdType', false, 'user_id'],
    ]);
  });
});

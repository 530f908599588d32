import { describe, expect, it } from 'vitest';
import { parsePage } from '../../generator/parse/page.js';
import type { Field } from '../../generator/model/types.js';
import { FLAVORS, fixturePage, parseFixture, textPage } from '../helpers/pages.js';

const typeText = (f: Field): string => {
  const t = f.type;
  if (t.kind === 'primitive') return t.type;
  if (t.kind === 'ref') return t.ref;
  return `${t.items.kind === 'ref' ? t.items.ref : t.items.kind === 'primitive' ? t.items.type : 'array'}[]`;
};
const rows = (fields: Field[]) => fields.map((f) => [f.name, typeText(f), f.required]);

describe.each(FLAVORS)('get_user_groups, zh %s', (flavor) => {
  const result = parseFixture('zh', flavor, 'management/管理用户/get-user-groups');
  const op = result.operation!;
  const structure = (name: string) => result.structures.find((s) => s.name === name)!;

  it('reads the header facts', () => {
    expect([op.name, op.rawName, op.client, op.summary, op.description, op.response]).toEqual([
      'getUserGroups',
      'get_user_groups',
      'ManagementClient',
      '获取用户分组列表',
      '通过用户 ID，获取用户分组列表，可以选择指定用户 ID 类型等。',
      'GroupPaginatedRespDto',
    ]);
    expect(op.responseExample).toMatch(/^\{\n {2}"statusCode": 200,\n {2}"message": "操作成功",/);
    expect(result.diagnostics).toEqual([]);
  });

  it('reads the parameter table', () => {
    expect(rows(op.params)).toEqual([
      ['userId', 'string', true],
      ['userIdType', 'string', false],
    ]);
    const [userId, userIdType] = op.params;
    expect(userId.example).toBe('6229ffaxxxxxxxxcade3e3d9');
    expect(userId.source).toEqual({ file: 'management/管理用户/get-user-groups' + (flavor === 'markdown' ? '.md' : '.html'), section: 'params', row: 1 });
    expect(userIdType.default).toBe('user_id');
    expect(userIdType.enum).toEqual(['user_id', 'phone', 'email', 'username', 'external_id', 'identity', 'sync_relation']);
    expect(userIdType.description.split('\n')[0]).toBe('用户 ID 类型，默认值为 `user_id`，可选值为：');
  });

  it('reads the response table with inferred required-ness', () => {
    expect(rows(structure('GroupPaginatedRespDto').fields)).toEqual([
      ['statusCode', 'number', true],
      ['message', 'string', true],
      ['apiCode', 'number', false],
      ['requestId', 'string', false],
      ['data', 'GroupPagingDto', true],
    ]);
    expect(structure('GroupPaginatedRespDto').fields.every((f) => f.inferred?.includes('required'))).toBe(true);
  });

  it('reads the data-structure tables, nested links and untyped arrays', () => {
    expect(result.structures.map((s) => [s.name, s.fields.length])).toEqual([
      ['GroupPagingDto', 2],
      ['ResGroupDto', 7],
      ['UserDto', 55],
      ['IdentityDto', 9],
      ['GroupPaginatedRespDto', 5],
    ]);
    expect(rows(structure('GroupPagingDto').fields)).toEqual([
      ['totalCount', 'number', true],
      ['list', 'ResGroupDto[]', true],
    ]);
    const [metadataSource, members] = structure('ResGroupDto').fields.slice(5);
    expect([typeText(metadataSource), metadataSource.inferred]).toEqual(['unknown[]', ['items']]);
    expect([typeText(members), members.description]).toEqual(['UserDto[]', '成员列表 嵌套类型：UserDto。']);
    const status = structure('UserDto').fields.find((f) => f.name === 'status')!;
    expect([status.required, status.example, status.source.section]).toEqual([true, 'Suspended', 'structure:UserDto']);
  });
});

describe('English pages', () => {
  it('reads get_user_groups with English headers', () => {
    const { operation } = parseFixture('en', 'vitepress-mangled', 'management/管理用户/get-user-groups');
    expect([operation!.summary, operation!.response, rows(operation!.params)]).toEqual([
      'Get user group list',
      'GroupPaginatedRespDto',
      [
        ['userId', 'string', true],
        ['userIdType', 'string', false],
      ],
    ]);
  });

  it('reads an older hand-written page: no method name, Python types, include lines', () => {
    const { operation, structures, diagnostics } = parseFixture('en', 'markdown', 'authentication/登录/signin-by-email-password');
    expect([operation!.name, operation!.client, operation!.inferred]).toEqual(['signinByEmailPassword', undefined, ['method']]);
    expect(rows(operation!.params)).toEqual([
      ['email', 'string', true],
      ['password', 'string', true],
      ['options', 'SignInOptionsDto', false],
    ]);
    expect(structures.map((s) => [s.name, s.fields.length])).toEqual([
      ['SignInOptionsDto', 8],
      ['LoginTokenResponseDataDto', 0],
      ['LoginTokenRespDto', 5],
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['page.include', 'page.include', 'structure.empty', 'page.no-method']);
  });

  it('keeps a structure whose table a literal " ... " cut, empty and diagnosed', () => {
    for (const flavor of FLAVORS) {
      const { structures, diagnostics } = parseFixture('en', flavor, 'management/管理用户/kick-users');
      expect(structures.find((s) => s.name === 'KickUsersOptionsDto')!.fields).toEqual([]);
      expect(diagnostics.find((d) => d.code === 'structure.empty')?.section).toBe('structure:KickUsersOptionsDto');
    }
  });

  it('reports a row whose required cell was merged into its neighbour, naming the row', () => {
    const { diagnostics, structures } = parseFixture('en', 'markdown', 'management/管理用户/list-users');
    expect(diagnostics.filter((d) => d.code === 'row.unreadable')).toEqual([
      {
        severity: 'warning',
        code: 'row.unreadable',
        message: 'operator: required cell "It is the" is neither yes nor no; taken as optional',
        file: 'management/管理用户/list-users.md',
        section: 'structure:ListUsersAdvancedFilterItemDto',
        row: 2,
      },
    ]);
    const operator = structures.find((s) => s.name === 'ListUsersAdvancedFilterItemDto')!.fields[1];
    expect(operator.enum).toEqual(['EQUAL', 'NOT_EQUAL', 'CONTAINS', 'NOT_CONTAINS', 'IS_NULL', 'NOT_NULL', 'IN', 'GREATER', 'LESSER', 'BETWEEN']);
  });
});

describe('published defects', () => {
  it.each(['vitepress', 'vitepress-mangled', 'fragment', 'markdown'])('reads the authentication page with the broken header cell (%s)', (flavor) => {
    const { operation, structures, diagnostics } = parseFixture('zh', flavor, 'authentication/公开信息端点/system');
    expect([operation!.name, operation!.client, operation!.response]).toEqual(['getSystemInfo', 'AuthenticationClient', 'SystemInfoResp']);
    expect(structures.map((s) => [s.name, s.fields.length])).toEqual([
      ['SystmeInfoRSAConfig', 1],
      ['SystmeInfoSM2Config', 1],
      ['SystmeInfoVersion', 3],
      ['SystemInfoResp', 4],
    ]);
    expect(structures[2].fields.map((f) => [f.name, f.example])).toEqual([
      ['server', '2.0.0'],
      ['console', '2.0.0'],
      ['login', '2.0.0'],
    ]);
    expect(operation!.params).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it('maps the columns of a table under the broken header cell', () => {
    const page = fixturePage('zh', 'markdown', 'authentication/公开信息端点/system');
    const row = '| lang | string | 否 | zh-CN | 语言 | `en-US` |\n';
    const text = page.bytes.toString().replace(/(\| ---- \| ---- \| ---- \| ---- \| ---- \| ---- \|\n)/, `$1${row}`);
    const [lang] = parsePage(textPage('s.md', text)).operation!.params;
    expect([lang.name, lang.required, lang.default, lang.description, lang.example]).toEqual(['lang', false, 'zh-CN', '语言', 'en-US']);
  });

  it('reads X[] links in the mangled flavor as arrays of the structure', () => {
    const { operation } = parseFixture('zh', 'vitepress-mangled', 'management/管理用户分组/create-groups-batch');
    expect(rows(operation!.params)).toEqual([['list', 'CreateGroupReqDto[]', true]]);
  });

  it('reports a link to #undefined with file, section and row', () => {
    const page = fixturePage('zh', 'markdown', 'management/管理用户/get-user-groups');
    const text = page.bytes.toString().replace('<a href="#GroupPagingDto">GroupPagingDto</a>', '<a href="#undefined">undefined</a>');
    const { structures, diagnostics } = parsePage(textPage('x/undefined-link.md', text));
    expect(structures.find((s) => s.name === 'GroupPaginatedRespDto')!.fields[4].type).toEqual({ kind: 'primitive', type: 'unknown' });
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'row.unreadable',
        message: 'data: type links to an undefined structure (<a href="#undefined">undefined</a>)',
        file: 'x/undefined-link.md',
        section: 'response',
        row: 5,
      },
    ]);
  });
});

describe('pages that are no API page', () => {
  const codes = (rel: string, text: string | Buffer) => parsePage(textPage(rel, text)).diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);

  it('reports empty, binary, non-UTF-8 and non-API pages and returns no operation', () => {
    expect(codes('a.html', '')).toEqual(['error page.unreadable: empty file']);
    expect(codes('b.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))).toEqual(['error page.unreadable: binary data (NUL bytes), not a text page']);
    expect(codes('c.md', '# Hello\n\nJust prose.\n')).toEqual(['error page.not-api: not an API doc page: it has no method name, parameter table or response type']);
    expect(parsePage(textPage('c.md', '# Hello')).operation).toBeUndefined();
  });

  it('reads what a truncated page still holds', () => {
    const page = fixturePage('zh', 'markdown', 'management/管理用户/get-user-groups');
    const text = page.bytes.toString();
    const cut = text.slice(0, text.indexOf('## 请求响应'));
    const { operation, diagnostics } = parsePage(textPage('t.md', cut));
    expect(operation!.params.map((p) => p.name)).toEqual(['userId', 'userIdType']);
    expect(diagnostics.map((d) => d.code)).toEqual(['page.no-response']);
  });
});

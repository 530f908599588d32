import { describe, expect, it } from 'vitest';
import { readDescription } from '../../generator/parse/cells.js';
import { readEnumValues } from '../../generator/parse/enum-list.js';
import type { Field } from '../../generator/model/types.js';
import { parseFixture } from '../helpers/pages.js';

const read = (cell: string, example?: string) => readEnumValues(readDescription(cell), example);

describe('readEnumValues', () => {
  it('reads `- `value`: meaning` items after a lead, across example lines between them', () => {
    const userIdType =
      '用户 ID 类型，默认值为 `user_id`，可选值为：<br>- `user_id`: Authing 用户 ID<br>- `phone`: 用户手机号<br>- `identity`: 外部身份源<br>示例值：`62f2:ou_8b`。<br>- `sync_relation`: 同步身份源<br>';
    expect(read(userIdType)).toEqual(['user_id', 'phone', 'identity', 'sync_relation']);
    expect(read('operator, and the optional values are:<br>- `EQUAL`: equal<br>- `IN`: in')).toEqual(['EQUAL', 'IN']);
  });

  it('reads code-span items whatever the lead line ends with, or with no lead at all', () => {
    // CustomFieldDto.dataType: the lead ends in `。`.
    expect(read('数据类型，设置之后将不能进行修改。<br>- `STRING`: 字符串类型<br>- `NUMBER`: 数字类型<br>- `DATETIME`: 日期类型<br>- `BOOLEAN`: 布尔类型<br>- `ENUM`: 枚举值类型')).toEqual([
      'STRING',
      'NUMBER',
      'DATETIME',
      'BOOLEAN',
      'ENUM',
    ]);
    // ApplicationDefaultLoginMethod.connectionType: no colon, indented items.
    expect(read('默认的登录类型<br>  - `PASSWORD`: 密码类型<br>  - `PASSCODE`: 验证码类型<br>  - `QRCODE`: 扫码登录类型')).toEqual(['PASSWORD', 'PASSCODE', 'QRCODE']);
    expect(read('- `a`: no lead line<br>- `b`: b')).toEqual(['a', 'b']);
    // create_pipeline_function's scene: the first item has no space after its dash.
    expect(read('函数的触发场景：<br>-`PRE_REGISTER`: 注册前<br>- `POST_REGISTER`: 注册后')).toEqual(['PRE_REGISTER', 'POST_REGISTER']);
  });

  it('reads items written with `*` as with `-`', () => {
    expect(read('可选值：<br>* `user_id`: 用户 ID<br>* `phone`: 手机号')).toEqual(['user_id', 'phone']);
  });

  it('reads lists without code spans when every item is `- word: meaning`', () => {
    // The English UserDto.status.
    expect(read('current status of the account:<br>- Activated: normal status<br>- Suspended: deactivated<br>- Deactivated: disabled')).toEqual([
      'Activated',
      'Suspended',
      'Deactivated',
    ]);
    // Items that are sentences, or words of another script, are not values.
    expect(read('背景：<br>- 纯色背景：`rgba(37,49,122,1)`<br>- 图片背景：`url(https://x)`')).toBeUndefined();
    expect(read('说明：<br>- 如果是用户，为用户的 ID<br>- 如果是角色，为角色的 code')).toBeUndefined();
    expect(read('Status:<br>- Activated: normal<br>- note that this is a sentence')).toBeUndefined();
  });

  it('leaves example lists, open lists and lists of combinable values as descriptions', () => {
    expect(read('外部身份源类型，如：<br>- `wechatwork`: 企业微信<br>- `lark`: 飞书')).toBeUndefined();
    expect(read('User fields:<br>- `id`: User ID<br>- `name`: Name<br>- ... other custom fields')).toBeUndefined();
    expect(read('用户字段：<br>- `id`: 用户 ID<br>- ... 其他自定义字段')).toBeUndefined();
    expect(read('多个 scope 请用空格分隔。<br>- `openid`: 必须包含。<br>- `profile`: 返回 profile')).toBeUndefined();
    expect(read('Please separate multiple scopes with spaces.<br>- `openid`: Must be included.<br>- `email`: Returns email')).toBeUndefined();
    // The sample holds two listed values in one string: a combination, not one of them.
    expect(read('权限：<br>- `openid`: 必须包含<br>- `profile`: 资料', 'openid profile')).toBeUndefined();
    expect(read('权限：<br>- `openid`: 必须包含<br>- `profile`: 资料', 'openid')).toEqual(['openid', 'profile']);
  });

  it('keeps only values that fit the field type: keys listed under an object are no values', () => {
    const keys = readDescription('用户信息：<br>- `id`: 用户 ID<br>- `name`: 名称');
    expect(readEnumValues(keys, undefined, { kind: 'primitive', type: 'object' })).toBeUndefined();
    expect(readEnumValues(keys, undefined, { kind: 'ref', ref: 'UserDto' })).toBeUndefined();
    expect(readEnumValues(keys, undefined, { kind: 'array', items: { kind: 'primitive', type: 'string' } })).toEqual(['id', 'name']);
    const levels = readDescription('密码强度：<br>- `0`: 低<br>- `1`: 中<br>- `2`: 高');
    expect(readEnumValues(levels, undefined, { kind: 'primitive', type: 'integer' })).toEqual(['0', '1', '2']);
    expect(readEnumValues(keys, undefined, { kind: 'primitive', type: 'number' })).toBeUndefined();
  });
});

const fieldOf = (fields: Field[] | undefined, name: string) => fields?.find((f) => f.name === name);

describe('enum lists on real pages', () => {
  const signin = parseFixture('zh', 'markdown', 'authentication/登录/signin');
  const options = signin.structures.find((s) => s.name === 'SignInOptionsDto')?.fields;

  it('reads the password encryption types after a lead ending in `。`', () => {
    expect(fieldOf(options, 'passwordEncryptType')?.enum).toEqual(['none', 'rsa', 'sm2']);
  });

  it('does not make the space-separated scope a union', () => {
    const scope = fieldOf(options, 'scope')!;
    expect([scope.example, scope.enum]).toEqual(['openid profile', undefined]);
  });

  it('does not read a list introduced as examples (`如：`)', () => {
    const page = parseFixture('zh', 'markdown', 'management/管理用户/get-user-sync-relations');
    const provider = fieldOf(page.structures.find((s) => s.name === 'UserSyncRelationDto')?.fields, 'provider')!;
    expect([provider.description.startsWith('外部身份源类型，如：'), provider.enum]).toEqual([true, undefined]);
  });

  it('reads the English page list that has no code spans', () => {
    const page = parseFixture('en', 'markdown', 'management/管理用户/list-users');
    const status = fieldOf(page.structures.find((s) => s.name === 'UserDto')?.fields, 'status');
    expect(status?.enum).toEqual(['Activated', 'Suspended', 'Deactivated', 'Resigned', 'Archived']);
  });
});

import { describe, expect, it } from 'vitest';
import { readDefaultCell, readDescription, readExampleCell, readMaxItems, readRequiredCell, readTypeCell } from '../../generator/parse/cells.js';

describe('readTypeCell', () => {
  it('reads primitives, Python names and T[] arrays', () => {
    expect(readTypeCell('string', '').type).toEqual({ kind: 'primitive', type: 'string' });
    expect(readTypeCell('str', '').type).toEqual({ kind: 'primitive', type: 'string' });
    expect(readTypeCell('int', '').type).toEqual({ kind: 'primitive', type: 'integer' });
    expect(readTypeCell('bool', '').type).toEqual({ kind: 'primitive', type: 'boolean' });
    expect(readTypeCell('dict', '').type).toEqual({ kind: 'primitive', type: 'object' });
    expect(readTypeCell('string[]', '').type).toEqual({ kind: 'array', items: { kind: 'primitive', type: 'string' } });
    expect(readTypeCell('list', '')).toEqual({ type: { kind: 'array', items: { kind: 'primitive', type: 'unknown' } }, inferred: 'items' });
  });

  it('reads links to structures, real and mangled, and X[] links as arrays', () => {
    expect(readTypeCell('<a href="#GroupPagingDto">GroupPagingDto</a>', '').type).toEqual({ kind: 'ref', ref: 'GroupPagingDto' });
    expect(readTypeCell('<a href="#CreateGroupReqDto">CreateGroupReqDto[]</a>', '').type).toEqual({ kind: 'array', items: { kind: 'ref', ref: 'CreateGroupReqDto' } });
    expect(readTypeCell('<a GroupPagingDto', '').type).toEqual({ kind: 'ref', ref: 'GroupPagingDto' });
    expect(readTypeCell('<a CreateGroupReqDto[]', '').type).toEqual({ kind: 'array', items: { kind: 'ref', ref: 'CreateGroupReqDto' } });
  });

  it('takes array items and nested objects from the description link', () => {
    expect(readTypeCell('array', '成员列表 嵌套类型：<a href="#UserDto">UserDto</a>。').type).toEqual({ kind: 'array', items: { kind: 'ref', ref: 'UserDto' } });
    expect(readTypeCell('array', 'Member list Nested type: <a UserDto.').type).toEqual({ kind: 'array', items: { kind: 'ref', ref: 'UserDto' } });
    expect(readTypeCell('', 'Nested type: <a href="#Options">Options</a>').type).toEqual({ kind: 'ref', ref: 'Options' });
  });

  it('reports a link to #undefined, falling back to the description link', () => {
    expect(readTypeCell('<a href="#undefined">undefined</a>', '')).toEqual({
      type: { kind: 'primitive', type: 'unknown' },
      inferred: 'type',
      problem: 'type links to an undefined structure (<a href="#undefined">undefined</a>)',
    });
    expect(readTypeCell('<a href="#undefined">undefined</a>', 'Nested type: <a href="#UserDto">UserDto</a>').type).toEqual({ kind: 'ref', ref: 'UserDto' });
    expect(readTypeCell('', 'no link').problem).toBe('empty type cell and no nested type in the description');
  });

  it('reads a link whose target is no valid percent escape by its label (it threw URIError, ending the run)', () => {
    expect(readTypeCell('<a href="#%zz">UserDto</a>', '').type).toEqual({ kind: 'ref', ref: 'UserDto' });
    expect(readTypeCell('array', 'Nested type: <a href="#%E0%A4%A">UserDto</a>').type).toEqual({ kind: 'array', items: { kind: 'ref', ref: 'UserDto' } });
    expect(readTypeCell('<a href="#%zz">%zz</a>', '').problem).toBe('type links to an undefined structure (<a href="#%zz">%zz</a>)');
  });
});

describe('readRequiredCell', () => {
  it('reads Chinese and English variants, and refuses anything else', () => {
    expect(['是', 'yes', 'Yes', 'true'].map(readRequiredCell)).toEqual([true, true, true, true]);
    expect(['否', 'no', 'No', '-'].map(readRequiredCell)).toEqual([false, false, false, false]);
    expect(readRequiredCell('It is the')).toBeUndefined();
  });
});

describe('readDefaultCell', () => {
  it('types defaults by the field type and treats - as none', () => {
    expect(readDefaultCell('-', { kind: 'primitive', type: 'string' })).toBeUndefined();
    expect(readDefaultCell('user_id', { kind: 'primitive', type: 'string' })).toBe('user_id');
    expect(readDefaultCell('10', { kind: 'primitive', type: 'number' })).toBe(10);
    expect(readDefaultCell('true', { kind: 'primitive', type: 'boolean' })).toBe(true);
    expect(readDefaultCell('`abc`', { kind: 'primitive', type: 'string' })).toBe('abc');
  });
});

describe('description cells', () => {
  it('reads array limits, examples and descriptions', () => {
    expect(readMaxItems('用户 ID 列表，数组长度限制：50。')).toBe(50);
    expect(readMaxItems('no limit')).toBeUndefined();
    expect(readExampleCell('`6229ffaxxxxxxxxcade3e3d9`')).toBe('6229ffaxxxxxxxxcade3e3d9');
    expect(readExampleCell('  ')).toBeUndefined();
    expect(readDescription('成员列表 嵌套类型：<a UserDto。<br>第二行')).toBe('成员列表 嵌套类型：UserDto。\n第二行');
  });
});

import { describe, expect, test } from 'vitest';
import { FileNames } from '../../generator/emit/file-names.js';
import { memberIdentifier, NameRegistry, pascalCase, typeIdentifier } from '../../generator/emit/names.js';

describe('typeIdentifier', () => {
  test.each([
    ['UserDto', 'UserDto'],
    ['用户', '用户'],
    ['a-b', 'a_b'],
    ['123abc', '_123abc'],
    ['../../x', '_x'],
    ['/etc/passwd', '_etc_passwd'],
    ['', '_'],
    ['string', 'string_'],
    ['class', 'class_'],
    ['__proto__', '__proto__'],
    ['A b\u0000c', 'A_b_c'],
    ['eval', 'eval_'],
    ['arguments', 'arguments_'],
    ['Promise', 'Promise_'],
    ['Record', 'Record_'],
    ['Response', 'Response_'],
    ['user\u200dId', 'user_Id'],
    ['\u3164', '_'],
    ['cafe\u0301', 'caf\u00e9'],
  ])('%j → %s', (raw, id) => {
    expect(typeIdentifier(raw).id).toBe(id);
  });

  test('says why it renamed a name', () => {
    expect(typeIdentifier('eval')).toEqual({ id: 'eval_', renamed: 'is a reserved word (or cannot be bound in strict mode)' });
    expect(typeIdentifier('Promise').renamed).toBe("is a built-in global, which the SDK's code would then no longer reach");
    expect(typeIdentifier('UserDto')).toEqual({ id: 'UserDto' });
  });
});

describe('memberIdentifier', () => {
  test('keeps reserved words (fine as method names) but not constructor, then or Object.prototype members', () => {
    expect(memberIdentifier('delete')).toEqual({ id: 'delete' });
    expect(memberIdentifier('eval')).toEqual({ id: 'eval' });
    expect(memberIdentifier('get-user')).toEqual({ id: 'get_user' });
    expect(memberIdentifier('constructor')).toEqual({ id: 'constructor_', renamed: 'is the class constructor' });
    expect(memberIdentifier('then')).toEqual({ id: 'then_', renamed: 'would make every client a thenable' });
    for (const name of ['toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf']) {
      expect(memberIdentifier(name)).toEqual({ id: name + '_', renamed: 'is a member of Object.prototype' });
    }
  });

  test('pascalCase', () => {
    expect(pascalCase('getUserGroups')).toBe('GetUserGroups');
  });
});

describe('NameRegistry', () => {
  test('first claim wins, then other candidates, then numbers', () => {
    const names = new NameRegistry();
    expect(names.claim('A')).toBe('A');
    expect(names.claim('A', 'B')).toBe('B');
    expect(names.claim('A', 'B')).toBe('A2');
    expect(names.claim('A')).toBe('A3');
  });
});

describe('FileNames', () => {
  test('names equal but for case get distinct stems, in claim order', () => {
    const files = new FileNames();
    expect(['UserDto', 'userDto', 'USERDTO'].map((n) => files.stemFor(n))).toEqual(['UserDto', 'userDto2', 'USERDTO3']);
  });

  test('Windows device names are never file names', () => {
    const files = new FileNames();
    expect(['CON', 'nul', 'Com1', 'LPT9', 'Console'].map((n) => files.stemFor(n))).toEqual(['CON_', 'nul_', 'Com1_', 'LPT9_', 'Console']);
  });

  test('reserved stems are not handed out', () => {
    expect(new FileNames(['index', 'runtime']).stemFor('Index')).toBe('Index2');
  });

  test('very long names are cut to fit a file system, distinct by a hash', () => {
    const files = new FileNames();
    const a = files.stemFor('名'.repeat(200) + 'A');
    const b = files.stemFor('名'.repeat(200) + 'B');
    expect(Buffer.byteLength(a + '.ts')).toBeLessThanOrEqual(255);
    expect(a).not.toBe(b);
    expect(a).toMatch(/_[0-9a-f]{8}$/);
  });
});

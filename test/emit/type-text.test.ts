import { describe, expect, test } from 'vitest';
import type { Field, TypeRef } from '../../generator/model/types.js';
import type { StructurePlan } from '../../generator/emit/plan.js';
import { fieldType } from '../../generator/emit/type-text.js';
import { structure } from '../support/model.js';

const userDto: StructurePlan = { structure: structure('UserDto', []), typeName: 'UserDto', stem: 'UserDto' };
const scope = new Map([['UserDto', userDto]]);
const primitive = (type: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'unknown'): TypeRef => ({ kind: 'primitive', type });
const typeOf = (type: TypeRef, enumValues?: string[], enumClosed?: true) => fieldType({ type, enum: enumValues, enumClosed } as Field, scope);

describe('fieldType', () => {
  test.each([
    [primitive('string'), 'string'],
    [primitive('integer'), 'number'],
    [primitive('number'), 'number'],
    [primitive('boolean'), 'boolean'],
    [primitive('object'), 'Record<string, unknown>'],
    [primitive('unknown'), 'unknown'],
    [{ kind: 'array', items: primitive('unknown') }, 'unknown[]'],
    [{ kind: 'array', items: { kind: 'array', items: primitive('string') } }, 'string[][]'],
  ] satisfies [TypeRef, string][])('%j → %s', (type, text) => {
    expect(typeOf(type)).toEqual({ text, uses: [], problems: [] });
  });

  test('links name the interface and are imported', () => {
    expect(typeOf({ kind: 'array', items: { kind: 'ref', ref: 'UserDto' } })).toEqual({ text: 'UserDto[]', uses: [userDto], problems: [] });
  });

  test('a link to a structure no page defines is unknown, and said so', () => {
    expect(typeOf({ kind: 'ref', ref: 'Missing' })).toEqual({
      text: 'unknown',
      uses: [],
      problems: ['links to Missing, which no page defines: typed unknown'],
    });
  });

  test('listed values become open literal unions, escaped and without repeats', () => {
    expect(typeOf(primitive('string'), ['user_id', "it's", 'user_id']).text).toBe("'user_id' | 'it\\'s' | (string & {})");
    expect(typeOf(primitive('integer'), ['1', '-2', '0.5']).text).toBe('1 | -2 | 0.5 | (number & {})');
    expect(typeOf({ kind: 'array', items: primitive('unknown') }, ['ble', 'usb']).text).toBe("('ble' | 'usb' | (string & {}))[]");
  });

  test('closed lists are exact unions', () => {
    expect(typeOf(primitive('string'), ['user_id', 'phone'], true).text).toBe("'user_id' | 'phone'");
    expect(typeOf(primitive('number'), ['0', '1'], true).text).toBe('0 | 1');
    expect(typeOf({ kind: 'array', items: primitive('string') }, ['ble', 'usb'], true).text).toBe("('ble' | 'usb')[]");
  });

  test('allowed values that do not fit a number type keep the type, and say so', () => {
    expect(typeOf(primitive('number'), ['1', 'two'])).toEqual({
      text: 'number',
      uses: [],
      problems: ['allowed values 1, two do not fit type number: not a union'],
    });
  });
});

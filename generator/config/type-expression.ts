// The type notation of field overrides: `string`, `UserDto`, `string[]`, `UserDto[]`.
import type { Primitive, TypeRef } from '../model/types.js';

const PRIMITIVES: readonly Primitive[] = ['string', 'number', 'integer', 'boolean', 'object', 'unknown'];

export function parseTypeExpression(text: string): TypeRef {
  if (text.endsWith('[]')) return { kind: 'array', items: parseTypeExpression(text.slice(0, -2)) };
  return (PRIMITIVES as readonly string[]).includes(text)
    ? { kind: 'primitive', type: text as Primitive }
    : { kind: 'ref', ref: text };
}

/** Structure names a type refers to (none for primitives). */
export function referencedStructure(type: TypeRef): string | undefined {
  return type.kind === 'ref' ? type.ref : type.kind === 'array' ? referencedStructure(type.items) : undefined;
}

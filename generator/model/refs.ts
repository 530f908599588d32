import type { TypeRef } from './types.js';

/** The structure a type points at, directly or as array items. */
export function refOf(t: TypeRef): string | undefined {
  return t.kind === 'ref' ? t.ref : t.kind === 'array' ? refOf(t.items) : undefined;
}

/** A type as one line of text: `string`, `UserDto`, `UserDto[]`. */
export function typeText(t: TypeRef): string {
  return t.kind === 'primitive' ? t.type : t.kind === 'ref' ? t.ref : `${typeText(t.items)}[]`;
}

import type { TypeRef } from './types.js';

/** The structure a type points at, directly or as array items. */
export function refOf(t: TypeRef): string | undefined {
  return t.kind === 'ref' ? t.ref : t.kind === 'array' ? refOf(t.items) : undefined;
}

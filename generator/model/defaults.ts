// Field defaults as pages show them: typed by the field's type when they parse, text otherwise.
import type { TypeRef } from './types.js';

export const isNumericType = (type: TypeRef): type is { kind: 'primitive'; type: 'number' | 'integer' } => type.kind === 'primitive' && (type.type === 'number' || type.type === 'integer');

/**
 * Why a default as read (parse/cells.ts readDefaultCell) does not fit its field's type: text left for a
 * number, integer or boolean field (`1e309`, `true / false`). Such a default stays text in
 * the model and goes to openapi.json as `x-docsdk-default`, not as a typed `default`.
 */
export function defaultMismatch(value: string | number | boolean, type: TypeRef): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (isNumericType(type)) return `default ${JSON.stringify(value)} is not a${type.type === 'integer' ? 'n integer' : ' finite number'}; kept as text (x-docsdk-default in openapi.json)`;
  if (type.kind === 'primitive' && type.type === 'boolean') return `default ${JSON.stringify(value)} is not true or false; kept as text (x-docsdk-default in openapi.json)`;
  return undefined;
}

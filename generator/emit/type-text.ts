// A field's TypeScript type, as text. Listed values become literal unions, open by default
// (`'a' | 'b' | (string & {})`: editors complete the listed values, any other string is
// accepted, since the pages' lists are often incomplete); closed when the config says the list
// is complete. Links become the linked interface's name, untyped arrays `unknown[]`.
import type { Field, Primitive, TypeRef } from '../model/types.js';
import type { StructurePlan } from './plan.js';
import { stringLiteral } from './escape.js';

const PRIMITIVE_TYPES: Record<Primitive, string> = {
  string: 'string',
  number: 'number',
  integer: 'number',
  boolean: 'boolean',
  object: 'Record<string, unknown>',
  unknown: 'unknown',
};

export interface FieldType {
  text: string;
  /** Structures the text names, to import. */
  uses: StructurePlan[];
  /** What the docs say that the type cannot show (for a diagnostic). */
  problems: string[];
}

/** `structureNamed`: the plan of each structure by its model name. */
export function fieldType(field: Pick<Field, 'type' | 'enum' | 'enumClosed'>, structureNamed: ReadonlyMap<string, StructurePlan>): FieldType {
  const uses: StructurePlan[] = [];
  const problems: string[] = [];

  const text = (type: TypeRef): string => {
    switch (type.kind) {
      case 'primitive':
        return field.enum?.length ? enumUnion(type.type, field.enum) : PRIMITIVE_TYPES[type.type];
      case 'ref': {
        const target = structureNamed.get(type.ref);
        if (!target) {
          problems.push(`links to ${type.ref}, which no page defines: typed unknown`);
          return 'unknown';
        }
        if (!uses.includes(target)) uses.push(target);
        return target.typeName;
      }
      case 'array': {
        const items = text(type.items);
        return items.includes(' | ') ? `(${items})[]` : `${items}[]`;
      }
    }
  };

  const enumUnion = (primitive: Primitive, values: string[]): string => {
    const unique = [...new Set(values)];
    // Allowed values are listed as text; on an untyped field (e.g. the items of an untyped
    // array) they are the best type there is.
    if (primitive === 'string' || primitive === 'unknown') return union(unique.map(stringLiteral), 'string');
    if ((primitive === 'number' || primitive === 'integer') && unique.every(isNumberLiteral)) {
      return union(unique.map((v) => String(Number(v))), 'number');
    }
    problems.push(`allowed values ${unique.join(', ')} do not fit type ${primitive}: not a union`);
    return PRIMITIVE_TYPES[primitive];
  };

  // `(string & {})` is every string, but not reduced to `string`: the literals stay in the union.
  const union = (literals: string[], base: 'string' | 'number'): string =>
    (field.enumClosed ? literals : [...literals, `(${base} & {})`]).join(' | ');

  return { text: text(field.type), uses, problems };
}

const isNumberLiteral = (value: string) => /^-?\d+(\.\d+)?$/.test(value.trim()) && Number.isFinite(Number(value));

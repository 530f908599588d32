// A field's TypeScript type, as text. Enums become literal unions, links become the linked
// interface's name, untyped arrays `unknown[]`.
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
export function fieldType(field: Pick<Field, 'type' | 'enum'>, structureNamed: ReadonlyMap<string, StructurePlan>): FieldType {
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
    if (primitive === 'string' || primitive === 'unknown') return unique.map(stringLiteral).join(' | ');
    if ((primitive === 'number' || primitive === 'integer') && unique.every(isNumberLiteral)) {
      return unique.map((v) => String(Number(v))).join(' | ');
    }
    problems.push(`allowed values ${unique.join(', ')} do not fit type ${primitive}: not a union`);
    return PRIMITIVE_TYPES[primitive];
  };

  return { text: text(field.type), uses, problems };
}

const isNumberLiteral = (value: string) => /^-?\d+(\.\d+)?$/.test(value.trim()) && Number.isFinite(Number(value));

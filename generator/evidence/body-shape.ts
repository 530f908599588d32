// Where each documented field sits in an operation's JSON bodies, by the paths traffic
// observations use: `request.userId`, `response.data`, `response.data[].status`.
import type { Field, Model, Operation, TypeRef } from '../model/types.js';
import type { BodyObservation, JsonType } from './types.js';

export interface BodyObject {
  /** The structure the object is (absent for the request's parameters). */
  structure?: string;
  fields: Field[];
}

export interface BodyShape {
  fields: Map<string, Field>;
  objects: Map<string, BodyObject>;
}

/** Nesting deeper than this is not followed (documented structures are shallow; cycles stop earlier). */
const MAX_DEPTH = 12;

export function bodyShape(model: Model, op: Operation): BodyShape {
  const shape: BodyShape = { fields: new Map(), objects: new Map() };
  const visit = (path: string, object: BodyObject, chain: string[]) => {
    shape.objects.set(path, object);
    if (chain.length > MAX_DEPTH) return;
    for (const field of object.fields) {
      const at = `${path}.${field.name}`;
      shape.fields.set(at, field);
      visitType(at, field.type, chain);
    }
  };
  const visitType = (path: string, type: TypeRef, chain: string[]) => {
    if (type.kind === 'array') return visitType(`${path}[]`, type.items, chain);
    if (type.kind !== 'ref' || chain.includes(type.ref) || !Object.hasOwn(model.structures, type.ref)) return;
    visit(path, { structure: type.ref, fields: model.structures[type.ref].fields }, [...chain, type.ref]);
  };
  visit('request', { fields: op.params }, []);
  if (op.response && Object.hasOwn(model.structures, op.response)) {
    visit('response', { structure: op.response, fields: model.structures[op.response].fields }, [op.response]);
  }
  return shape;
}

/** The JSON type of a value (integers and other numbers alike: JSON cannot tell them apart). */
export function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

/** Bounds on what one body adds: items per array, values per enum field, depth. */
const MAX_ITEMS = 50;
const MAX_VALUES = 100;

/**
 * Records the shape of `value` at `path` into `out`: JSON types everywhere, and string values
 * only where `valuesAt` says (enum fields), so no other data of the traffic is kept.
 */
export function observe(value: unknown, path: string, out: Map<string, BodyObservation>, valuesAt: (path: string) => boolean, depth = 0): void {
  const type = jsonType(value);
  const seen = out.get(path) ?? { types: [] };
  if (!seen.types.includes(type)) seen.types = [...seen.types, type].sort();
  if (type === 'string' && valuesAt(path) && !seen.values?.includes(value as string) && (seen.values?.length ?? 0) < MAX_VALUES) {
    seen.values = [...(seen.values ?? []), value as string].sort();
  }
  out.set(path, seen);
  if (depth >= MAX_DEPTH) return;
  if (Array.isArray(value)) for (const item of value.slice(0, MAX_ITEMS)) observe(item, `${path}[]`, out, valuesAt, depth + 1);
  else if (type === 'object') {
    for (const [key, child] of Object.entries(value as object)) {
      // A key that would read as path syntax cannot be told apart from nesting: left out.
      if (/[.[\]]/.test(key) || key === '') continue;
      observe(child, `${path}.${key}`, out, valuesAt, depth + 1);
    }
  }
}

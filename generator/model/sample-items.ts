// Item types of untyped arrays (`array` with no item type on the page), from the samples the
// pages show, in this order of trust: the field's own sample cell, a request parameter's
// sample, the response's JSON sample. Samples are followed along the field's own path
// through the structures (`data.list[].departmentIds`), never matched by a key name alone.
// Evidence that is mixed (strings and numbers, objects) leaves the items unknown; empty or
// absent evidence moves on to the next source. The result stays marked `inferred: ['items']`
// and records the sample it came from (`itemsEvidence`).
import { pushTo } from './multimap.js';
import type { Field, Model, Primitive, Provenance, Structure, TypeRef } from './types.js';

type Tier = 'own' | 'param' | 'response';
const TIERS: Tier[] = ['own', 'param', 'response'];

/** The items one sample shows: their primitive type, `mixed` when they do not share one. */
type Reading = { items: Primitive | 'mixed'; source: Provenance };

/** How deep a sample is followed: structures nest a few levels; hostile samples nest thousands. */
const MAX_DEPTH = 32;

/** Types the untyped arrays of `model` (in place) where samples agree on a primitive item type. */
export function inferItemsFromSamples(model: Model): Model {
  const evidence = new Map<Field, Record<Tier, Reading[]>>();
  const record = (field: Field, tier: Tier, value: unknown, source: Provenance) => {
    if (!hasUntypedItems(field)) return;
    const items = sampleItems(value);
    if (items === undefined) return;
    const readings = evidence.get(field) ?? { own: [], param: [], response: [] };
    evidence.set(field, readings);
    readings[tier].push({ items, source });
  };

  const fields = [...model.clients.flatMap((c) => c.operations.flatMap((op) => op.params)), ...Object.values(model.structures).flatMap((s) => s.fields)];
  for (const field of fields) if (field.example !== undefined) record(field, 'own', field.example, field.source);

  const structureOf = (type: TypeRef): Structure | undefined => {
    const ref = type.kind === 'array' ? type.items : type;
    return ref.kind === 'ref' && Object.hasOwn(model.structures, ref.ref) ? model.structures[ref.ref] : undefined;
  };
  // Samples are parsed and followed only where that can reach an untyped array.
  const leadsToUntyped = untypedAhead(model.structures, structureOf);
  /** Follows `value` into the fields of the structure `type` names. */
  const follow = (type: TypeRef, value: unknown, tier: Tier, source: Provenance, depth: number): void => {
    const structure = structureOf(type);
    if (!structure || !leadsToUntyped(type) || depth > MAX_DEPTH) return;
    // Samples show an array of structures as one object, or as an array of them.
    for (const element of Array.isArray(value) ? value : [value]) {
      if (!isObject(element)) continue;
      for (const field of structure.fields) {
        if (!Object.hasOwn(element, field.name)) continue;
        const child = element[field.name];
        record(field, tier, child, source);
        follow(field.type, child, tier, source, depth + 1);
      }
    }
  };
  for (const op of model.clients.flatMap((c) => c.operations)) {
    for (const param of op.params) {
      if (param.example === undefined || !leadsToUntyped(param.type)) continue;
      follow(param.type, parseJson(param.example), 'param', param.source, 0);
    }
    if (!op.response || op.responseExample === undefined) continue;
    const response: TypeRef = { kind: 'ref', ref: op.response };
    if (leadsToUntyped(response)) follow(response, parseJson(op.responseExample), 'response', { file: op.source.file, section: 'response-example' }, 0);
  }

  for (const [field, readings] of evidence) {
    const decided = decide(readings);
    if (!decided) continue;
    field.type = { kind: 'array', items: { kind: 'primitive', type: decided.items } };
    field.itemsEvidence = decided.source;
  }
  return model;
}

/** Whether the structure a type names (as `follow` goes) has an untyped array among its fields, or its structures' fields. */
function untypedAhead(structures: Record<string, Structure>, structureOf: (type: TypeRef) => Structure | undefined): (type: TypeRef) => boolean {
  // The structures an untyped array is reached from: those holding one, then, back along the
  // fields, those holding one of them (cycles of structures included), each visited once.
  const holders = new Map<Structure, Structure[]>();
  const reaching = new Set<Structure>();
  const pending: Structure[] = [];
  for (const structure of Object.values(structures)) {
    for (const field of structure.fields) {
      if (hasUntypedItems(field)) {
        if (!reaching.has(structure)) pending.push(structure);
        reaching.add(structure);
      }
      const held = structureOf(field.type);
      if (held) pushTo(holders, held, structure);
    }
  }
  for (let next = pending.pop(); next; next = pending.pop()) {
    for (const holder of holders.get(next) ?? []) {
      if (reaching.has(holder)) continue;
      reaching.add(holder);
      pending.push(holder);
    }
  }
  return (type) => {
    const structure = structureOf(type);
    return structure !== undefined && reaching.has(structure);
  };
}

/** The first source with any items decides: one primitive type, or none when it is mixed. */
function decide(readings: Record<Tier, Reading[]>): { items: Primitive; source: Provenance } | undefined {
  for (const tier of TIERS) {
    const [first, ...rest] = readings[tier];
    if (!first) continue;
    if (first.items === 'mixed' || rest.some((r) => r.items !== first.items)) return undefined;
    return { items: first.items, source: first.source };
  }
  return undefined;
}

function hasUntypedItems(field: Field): boolean {
  return field.type.kind === 'array' && field.type.items.kind === 'primitive' && field.type.items.type === 'unknown';
}

/**
 * The item type a sample of an array shows: a JSON array, a JSON string holding one
 * (`"[\"a\"]"`), or a bracketed list that is not JSON (`[FORBID_LOGIN]`). Undefined when the
 * sample is no array or an empty one.
 */
export function sampleItems(sample: unknown): Primitive | 'mixed' | undefined {
  const elements = arrayOf(sample);
  if (!elements?.length) return undefined;
  const types = new Set(elements.map(primitiveOf));
  const [only] = types;
  return types.size === 1 && only !== undefined ? only : 'mixed';
}

function arrayOf(sample: unknown): unknown[] | undefined {
  if (Array.isArray(sample)) return sample;
  if (typeof sample !== 'string') return undefined;
  const text = sample.trim();
  const parsed = parseJson(text);
  if (Array.isArray(parsed)) return parsed;
  if (typeof parsed === 'string' && parsed !== text) return arrayOf(parsed);
  return text.startsWith('[') && text.endsWith(']') ? bracketList(text) : undefined;
}

/** `[FORBID_LOGIN, LOCK]`: bare words between brackets, split at commas. */
function bracketList(text: string): unknown[] | undefined {
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  const words = inner.split(/[,，]/).map((word) => word.trim().replace(/^(['"])(.*)\1$/, '$2'));
  // One word per item: `[object Object]`, nested brackets or braces are not such a list.
  if (words.some((word) => !/^[^\s[\]{}]+$/.test(word))) return undefined;
  return words.map((word) => (/^-?\d+(\.\d+)?$/.test(word) ? Number(word) : word));
}

function primitiveOf(value: unknown): Primitive | undefined {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

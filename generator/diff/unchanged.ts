// What a diff can leave out: the operations and structures that are the same on both sides
// (most of them, between two runs). Their entries are equal on both sides but for a
// structure's usage, and usage only grades changes of other facts, so they add no change; left
// out of both dumps, they change no result as long as no other entry has, or looks up as its
// parent, a key of theirs (keys are text: `A.b` is operation b of client A and field b of
// structure A). A part that shares a key with another part is always compared.
import type { Field, Operation, Structure } from '../model/types.js';
import type { ModelParts } from './model-file-parts.js';
import { fieldKey, MEMBER_SEPARATORS, operationKey, paramKey, parentKey, type Omitted } from './public-api.js';

type PartKind = keyof Omitted;

/** An operation or a structure as the dump keys it. */
interface Part {
  kind: PartKind;
  /** The operation's or structure's key. */
  key: string;
  /** The operations of that key (more than one only in a hand-made model), or the structure. */
  values: (Operation | Structure)[];
  /** Their parameters or fields. */
  members: Field[];
}

/** The parts of a model by kind and key (`operations A.b`, `structures B`). */
function parts(model: ModelParts): Map<string, Part> {
  const found = new Map<string, Part>();
  const add = (kind: PartKind, key: string, value: Operation | Structure, members: Field[]) => {
    const id = `${kind} ${key}`;
    const part = found.get(id);
    if (!part) found.set(id, { kind, key, values: [value], members });
    else {
      part.values.push(value);
      part.members = [...part.members, ...members];
    }
  };
  for (const client of model.clients) for (const op of client.operations) add('operations', operationKey(client.name, op.name), op, op.params);
  for (const s of Object.values(model.structures)) add('structures', s.name, s, s.fields);
  return found;
}

/** Hands `produce` every key the part's entries have, and `lookUp` the key its members look up as their parent. */
function keysOf({ kind, key, members }: Part, produce: (key: string) => void, lookUp: (key: string) => void): void {
  const [memberKey, memberKind] = kind === 'operations' ? [paramKey, 'param' as const] : [fieldKey, 'field' as const];
  produce(key);
  for (const member of members) produce(memberKey(key, member.name));
  // The same for every member: its key's first `(` or `.` is in `key` or the one memberKey adds.
  if (members.length) lookUp(parentKey(memberKey(key, ''), memberKind));
}

/**
 * Whether the keys of some two of `parts` may meet. A part's keys are its key, and its key with
 * a member separator (`(` or `.`: MEMBER_SEPARATORS) and a member's name after it; it looks up
 * its key up to the first separator past its start. So two parts' keys meet only where both have the same key, or where one's key is
 * the other's up to a `(` or `.` in it; where neither is so (most models), nothing is shared,
 * and no member's key need be made.
 */
function keysMayMeet(parts: Iterable<[string, Part]>): boolean {
  const ids = new Map<string, string>();
  for (const [id, { key }] of parts) {
    if ((ids.get(key) ?? id) !== id) return true;
    ids.set(key, id);
  }
  for (const key of ids.keys()) {
    for (const separator of Object.values(MEMBER_SEPARATORS)) for (let at = key.indexOf(separator); at >= 0; at = key.indexOf(separator, at + 1)) if (ids.has(key.slice(0, at))) return true;
  }
  return false;
}

/** The operations and structures of `before` and `after` that a diff of the two can leave out. */
export function unchangedParts(before: ModelParts, after: ModelParts): Omitted {
  const [old, now] = [parts(before), parts(after)];
  const same = new Set([...now].filter(([id, part]) => old.has(id) && sameJson(old.get(id)!.values, part.values)).map(([id]) => id));
  const omitted = { operations: new Set<string>(), structures: new Set<string>() };
  // A part that is the same on both sides has the same keys on both: its old ones add nothing.
  const changed = [...old].filter(([id]) => !same.has(id));
  if (!keysMayMeet([...now, ...changed])) {
    for (const id of same) omitted[now.get(id)!.kind].add(now.get(id)!.key);
    return omitted;
  }
  // Parts that share a key, or where one looks up a key the other has, are compared.
  const producers = new Map<string, string>();
  const lookups: [string, string][] = [];
  const shared = new Set<string>();
  const share = (a: string | undefined, b: string) => a !== undefined && a !== b && shared.add(a).add(b);
  const collect = (id: string, part: Part) =>
    keysOf(
      part,
      (key) => {
        share(producers.get(key), id);
        producers.set(key, id);
      },
      (key) => lookups.push([key, id]),
    );
  for (const [id, part] of now) collect(id, part);
  for (const [id, part] of changed) collect(id, part);
  for (const [key, id] of lookups) share(producers.get(key), id);
  for (const id of same) if (!shared.has(id)) omitted[now.get(id)!.kind].add(now.get(id)!.key);
  return omitted;
}

/** Deep equality of JSON data: the same keys (in any order) with the same values, arrays in order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

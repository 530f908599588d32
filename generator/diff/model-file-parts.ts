// The model file `generate` writes, as the bytes of its parts (each operation, each structure),
// so the next run can read back only the parts that changed. The file is JSON.stringify's
// output with an indent of 2 (emit/escape.ts jsonText), whose layout is fixed: a raw line break
// is always structural (strings escape theirs), and every line is indented by two spaces per
// level of nesting. So an operation (an element of `clients[i].operations`) starts at a `{` on
// a line of its own indented by 8 and ends at the first `}` line indented by 8 after it; a
// structure (a member of `structures`) at the `{` ending its `    "Name": {` line, up to the
// first `}` line indented by 4. `locateParts` walks that layout guided by the model the file
// was made from, checking each step, and gives up (undefined) on anything else.
import { jsonText } from '../emit/escape.js';
import type { Client, Model, Operation, Structure } from '../model/types.js';
import { sha256 } from '../workflow/fingerprint.js';

/** What a diff and the shrink guard read of a model: its clients and structures. */
export type ModelParts = Pick<Model, 'clients' | 'structures'>;

/** Where each operation and structure of a model file is, by byte offsets into that file. */
export interface ModelFileIndex {
  /** sha256 of the file's bytes: the offsets hold for those bytes only. */
  sha256: string;
  /** The clients' names, in file order. */
  clients: string[];
  /** Each operation's client (an index into `clients`) and name, in file order. */
  operationClients: number[];
  operationNames: string[];
  /** The keys of `structures`, in file order. */
  structureNames: string[];
  /** Start and end of each operation, then of each structure: `[start0, end0, start1, end1, …]`. */
  ranges: number[];
}

const needles = new Map<string, Buffer>();
const needle = (text: string): Buffer => {
  let bytes = needles.get(text);
  if (!bytes) needles.set(text, (bytes = Buffer.from(text)));
  return bytes;
};
const indent = (n: number) => '\n' + ' '.repeat(n);

/** Whether `bytes` holds `text` at `at`. */
function holds(bytes: Buffer, at: number, text: string): boolean {
  const expected = needle(text);
  return at + expected.length <= bytes.length && bytes.compare(expected, 0, expected.length, at, at + expected.length) === 0;
}

const OPEN = 0x7b; // {
const CLOSE = 0x7d; // }

/**
 * The end (exclusive) of the object value starting at `start` (a `{`) whose closing line is
 * indented by `depth` spaces, within `limit`; -1 where it is not an object.
 */
function objectEnd(bytes: Buffer, start: number, depth: number, limit: number): number {
  if (bytes[start] !== OPEN) return -1;
  if (bytes[start + 1] === CLOSE) return start + 2;
  if (!holds(bytes, start + 1, indent(depth + 2))) return -1;
  const close = bytes.indexOf(needle(indent(depth) + '}'), start);
  return close < 0 || close >= limit ? -1 : close + depth + 2;
}

/**
 * The ranges of the `count` objects of the array whose `[` ends at `at`, elements indented
 * by `depth`; and where the array ends. Undefined unless every element is an object.
 */
function arrayObjects(bytes: Buffer, at: number, depth: number, count: number, limit: number, ranges: number[]): number | undefined {
  if (count === 0) return holds(bytes, at, ']') ? at + 1 : undefined;
  for (let i = 0; i < count; i++) {
    const separator = (i ? ',' : '') + indent(depth);
    if (!holds(bytes, at, separator)) return undefined;
    const start = at + separator.length;
    const end = objectEnd(bytes, start, depth, limit);
    if (end < 0) return undefined;
    ranges.push(start, end);
    at = end;
  }
  return holds(bytes, at, indent(depth - 2) + ']') ? at + depth : undefined;
}

const OPERATIONS_KEY = '\n      "operations": [';
const STRUCTURES_KEY = '\n  "structures": {';

/** The index of `bytes` (sha256 `hash`), the model file made of `model` by jsonText(model, 2); undefined where its layout is not the one above. */
function locateParts(bytes: Buffer, hash: string, model: Model): ModelFileIndex | undefined {
  const ranges: number[] = [];
  const operationClients: number[] = [];
  const operationNames: string[] = [];
  // Top-level members are the only lines indented by 2: each key's line is found by search.
  const clientsKey = '\n  "clients": [';
  const clientsAt = bytes.indexOf(needle(clientsKey));
  if (clientsAt < 0) return undefined;
  const clientRanges: number[] = [];
  const clientsEnd = arrayObjects(bytes, clientsAt + clientsKey.length, 4, model.clients.length, bytes.length, clientRanges);
  if (clientsEnd === undefined) return undefined;
  for (let i = 0; i < model.clients.length; i++) {
    const client: Client = model.clients[i];
    const [start, end] = [clientRanges[2 * i], clientRanges[2 * i + 1]];
    // The client's members are the only lines within it indented by 6.
    const key = bytes.indexOf(needle(OPERATIONS_KEY), start);
    if (key < 0 || key >= end) return undefined;
    if (arrayObjects(bytes, key + OPERATIONS_KEY.length, 8, client.operations.length, end, ranges) === undefined) return undefined;
    for (const op of client.operations) {
      operationClients.push(i);
      operationNames.push(op.name);
    }
  }
  const structureNames = Object.keys(model.structures);
  const structuresAt = bytes.indexOf(needle(STRUCTURES_KEY), clientsEnd);
  if (structuresAt < 0) return undefined;
  let at = structuresAt + STRUCTURES_KEY.length;
  if (structureNames.length === 0 && !holds(bytes, at, '}')) return undefined;
  for (let i = 0; i < structureNames.length; i++) {
    const separator = (i ? ',' : '') + indent(4) + '"';
    if (!holds(bytes, at, separator)) return undefined;
    // The member's line ends with its value's `{` (a key holds no raw line break).
    const lineEnd = bytes.indexOf(0x0a, at + separator.length);
    if (lineEnd < 0) return undefined;
    const start = bytes[lineEnd - 1] === OPEN ? lineEnd - 1 : -1;
    const end = start < 0 ? -1 : objectEnd(bytes, start, 4, bytes.length);
    if (end < 0) return undefined;
    ranges.push(start, end);
    at = end;
  }
  if (structureNames.length && !holds(bytes, at, indent(2) + '}')) return undefined;
  return { sha256: hash, clients: model.clients.map((c) => c.name), operationClients, operationNames, structureNames, ranges };
}

/** The model file's bytes with their index, as a run made or read them. */
export interface IndexedModelFile {
  bytes: Buffer;
  index: ModelFileIndex;
}

/** The model file of a model, as `generate` writes it: its bytes, their sha256, and where its parts are. */
export interface ModelFile {
  model: Model;
  bytes: Buffer;
  sha256: string;
  /** Undefined where the layout is not the expected one (a model that is not plain JSON data). */
  index?: ModelFileIndex;
}

/** The model file of `model`, made once per run: its bytes are hashed, written and compared with the previous file's. */
export function modelFile(model: Model): ModelFile {
  const bytes = Buffer.from(jsonText(model, 2) + '\n');
  const hash = sha256(bytes);
  return { model, bytes, sha256: hash, index: locateParts(bytes, hash, model) };
}

/**
 * The clients and structures of the model file `before` (as JSON.parse would read them), taking
 * from `after` (the model now, with its file) every operation and structure whose bytes are the
 * same in both files: equal JSON text is an equal value, so only the parts that differ are
 * parsed. The objects taken are shared with `after`: neither side may be changed afterwards.
 */
export function readParts(before: IndexedModelFile, after: ModelFile & IndexedModelFile): ModelParts {
  const [old, now] = [before.index, after.index];
  const same = (i: number, j: number) => {
    const [start, end, nowStart, nowEnd] = [old.ranges[2 * i], old.ranges[2 * i + 1], now.ranges[2 * j], now.ranges[2 * j + 1]];
    return end - start === nowEnd - nowStart && before.bytes.compare(after.bytes, nowStart, nowEnd, start, end) === 0;
  };
  const parse = <T>(i: number): T => JSON.parse(before.bytes.toString('utf8', old.ranges[2 * i], old.ranges[2 * i + 1])) as T;

  // The operations now, by client and name (one key may name several): the candidates for each old one.
  const nowOps: Operation[] = after.model.clients.flatMap((c) => c.operations);
  const candidates = new Map<string, number[]>();
  for (let j = 0; j < nowOps.length; j++) {
    const key = `${now.clients[now.operationClients[j]]}\0${now.operationNames[j]}`;
    const list = candidates.get(key);
    if (list) list.push(j);
    else candidates.set(key, [j]);
  }
  const clients: Client[] = old.clients.map((name) => ({ name, operations: [] }));
  for (let i = 0; i < old.operationNames.length; i++) {
    // A wrong candidate costs nothing: only equal bytes make the operation now stand for the old one.
    const j = candidates.get(`${old.clients[old.operationClients[i]]}\0${old.operationNames[i]}`)?.shift();
    clients[old.operationClients[i]].operations.push(j !== undefined && same(i, j) ? nowOps[j] : parse<Operation>(i));
  }

  const operations = old.operationNames.length;
  const nowStructures = new Map(now.structureNames.map((name, j) => [name, j + now.operationNames.length]));
  const structures = old.structureNames.map((name, k): [string, Structure] => {
    const j = nowStructures.get(name);
    return [name, j !== undefined && same(operations + k, j) ? after.model.structures[name] : parse<Structure>(operations + k)];
  });
  // As JSON.parse makes it: own properties, `__proto__` too.
  return { clients, structures: Object.fromEntries(structures) };
}

// The model file `generate` writes, as the bytes of its parts (each operation, each structure),
// so the next run can read back only the parts that changed. The file is JSON.stringify's
// output with an indent of 2 (emit/json-file.ts jsonFile), whose layout is fixed
// (emit/json-layout.ts). So an operation (an element of `clients[i].operations`) starts at a `{` on
// a line of its own indented by 8 and ends at the first `}` line indented by 8 after it; a
// structure (a member of `structures`) at the `{` ending its `    "Name": {` line, up to the
// first `}` line indented by 4. `locateParts` walks that layout guided by the model the file
// was made from, checking each step, and gives up (undefined) on anything else.
import { jsonFile, sharedEnds } from '../emit/json-file.js';
import { LayoutCursor, LINE, NEXT_LINE, objectEnd, OPEN } from '../emit/json-layout.js';
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

/**
 * Gives the end of part number `part`, starting at `start`, where the bytes there are known to
 * be a part of the previous file (-1 where not): an unchanged part is not scanned.
 */
type Hint = (part: number, start: number) => number;


const CLIENT_START = '{\n      "name": ';
const OPERATIONS_KEY = ',\n      "operations": [';

/**
 * The index of `bytes` (sha256 `hash`), the model file made of `model` by jsonText(model, 2);
 * undefined where its layout is not the one above (a client is `name` then `operations`).
 */
function locateParts(bytes: Buffer, hash: string, model: Model, hint?: Hint): ModelFileIndex | undefined {
  const ranges: number[] = [];
  const operationClients: number[] = [];
  const operationNames: string[] = [];
  const cursor = new LayoutCursor(bytes);
  /** The end of part number `part`, an object starting at `start` whose closing line is indented by `indent`: from the hint, or found. */
  const partEnd = (part: number, start: number, indent: number) => {
    const hinted = hint && bytes[start] === OPEN ? hint(part, start) : -1;
    return hinted >= 0 ? hinted : objectEnd(bytes, start, indent);
  };
  if (!cursor.find('\n  "clients": [')) return undefined;
  for (let i = 0; i < model.clients.length; i++) {
    const client: Client = model.clients[i];
    if (!cursor.next((i ? NEXT_LINE : LINE)[2]) || !cursor.next(CLIENT_START) || !cursor.restOfLine(OPERATIONS_KEY)) return undefined;
    for (let k = 0; k < client.operations.length; k++) {
      if (!cursor.next((k ? NEXT_LINE : LINE)[4])) return undefined;
      const end = partEnd(operationNames.length, cursor.at, 8);
      if (end < 0) return undefined;
      ranges.push(cursor.at, end);
      operationClients.push(i);
      operationNames.push(client.operations[k].name);
      cursor.at = end;
    }
    if ((client.operations.length && !cursor.next(LINE[3])) || !cursor.next(']') || !cursor.next(LINE[2]) || !cursor.next('}')) return undefined;
  }
  if ((model.clients.length && !cursor.next(LINE[1])) || !cursor.next(']')) return undefined;
  const structureNames = Object.keys(model.structures);
  if (!cursor.find('\n  "structures": {')) return undefined;
  const found = cursor.objectMembers(1, structureNames.length, (i, start) => {
    const end = partEnd(operationNames.length + i, start, 4);
    ranges.push(start, end);
    return end;
  });
  if (!found) return undefined;
  return { sha256: hash, clients: model.clients.map((c) => c.name), operationClients, operationNames, structureNames, ranges };
}

/** The model file's bytes with their index, as a run read them. */
export interface IndexedModelFile {
  bytes: Buffer;
  index: ModelFileIndex;
}

/** The model file of a model, as `generate` writes it: its bytes, their sha256, and where its parts are. */
export class ModelFile {
  /** null: looked for, not found. */
  private located?: ModelFileIndex | null;
  /** The parts readParts found unchanged, where it read the previous file against this one. */
  same?: SameParts;

  /**
   * The model file of `model`, made once per run: its bytes are hashed, written and compared with
   * the previous file's. `previous`: the file the last run wrote (see jsonFile).
   */
  constructor(
    readonly model: Model,
    previous?: Buffer,
  ) {
    this.bytes = jsonFile(model, previous);
    this.sha256 = sha256(this.bytes);
  }

  readonly bytes: Buffer;
  readonly sha256: string;

  /** Where its parts are (looked for once, with `hint` if given then); undefined where the layout is not the expected one (a model that is not plain JSON data). */
  index(hint?: Hint): ModelFileIndex | undefined {
    if (this.located === undefined) this.located = locateParts(this.bytes, this.sha256, this.model, hint) ?? null;
    return this.located ?? undefined;
  }
}

/**
 * The clients and structures of the model file `before` (as JSON.parse would read them), taking
 * from `after` (the model now, with its file) every operation and structure whose bytes stand
 * unchanged: in the part of the file both share at the start or at the end, or between them
 * where the old part of the same key has its bytes there; so only the parts that differ are
 * parsed, and which parts stand is recorded for the openapi file (`after.same`). Sound because `before.index` was made of those very bytes (its sha256
 * says so): each of its ranges holds the whole JSON text of an object, and a JSON object's text
 * is never the beginning of another one's, so where a part now starts at those bytes, its text
 * is exactly them; equal JSON text is an equal value (the model is plain JSON data). The
 * objects taken are shared with `after`: neither side may be changed afterwards. Undefined
 * where `after`'s parts cannot be located.
 */
export function readParts(before: IndexedModelFile, after: ModelFile): ModelParts | undefined {
  const old = before.index;
  const [bytes, now] = [before.bytes, after.bytes];
  const [head, tail] = sharedEnds(bytes, now);
  const shift = now.length - bytes.length;
  // The old parts by where they start, and by key.
  const starts = new Map<number, number>();
  for (let i = 0; i < old.ranges.length; i += 2) starts.set(old.ranges[i], i / 2);
  const operations = old.operationNames.length;
  const byKey = new Map<string, number>();
  old.operationNames.forEach((name, i) => byKey.set(operationPartKey(old.clients[old.operationClients[i]], name), i));
  old.structureNames.forEach((name, k) => byKey.set(structurePartKey(name), operations + k));
  const nowOperations = after.model.clients.flatMap((c) => c.operations.map((op) => ({ op, key: operationPartKey(c.name, op.name) })));
  const structureNamesNow = Object.keys(after.model.structures);
  const keyNow = (j: number) => (j < nowOperations.length ? nowOperations[j].key : structurePartKey(structureNamesNow[j - nowOperations.length]));
  /** For each old part, the part now that has its bytes (-1: none). */
  const sameAs = new Int32Array(old.ranges.length / 2).fill(-1);
  const index = after.index((part, start) => {
    // An old part within the shared start, at the same place.
    const i = starts.get(start);
    if (i !== undefined && old.ranges[2 * i + 1] <= head) return (sameAs[i] = part), old.ranges[2 * i + 1];
    // An old part within the shared end, as far from the end.
    const k = starts.get(start - shift);
    if (k !== undefined && old.ranges[2 * k] >= bytes.length - tail) return (sameAs[k] = part), start + old.ranges[2 * k + 1] - old.ranges[2 * k];
    // Between them, the old part of the same key where its bytes stand here (a part changed before it and another after it).
    const same = byKey.get(keyNow(part));
    if (same === undefined || sameAs[same] >= 0) return -1;
    const [from, to] = [old.ranges[2 * same], old.ranges[2 * same + 1]];
    if (start + to - from > now.length || bytes.compare(now, start, start + to - from, from, to) !== 0) return -1;
    return (sameAs[same] = part), start + to - from;
  });
  if (!index) return undefined;
  const oldOf = new Int32Array(index.ranges.length / 2).fill(-1);
  sameAs.forEach((j, i) => j >= 0 && (oldOf[j] = i));
  after.same = { previous: old, oldOf };
  const partNow = (j: number) => (j < nowOperations.length ? nowOperations[j].op : after.model.structures[index.structureNames[j - nowOperations.length]]);
  const part = <T>(i: number): T => (sameAs[i] >= 0 ? partNow(sameAs[i]) : JSON.parse(bytes.toString('utf8', old.ranges[2 * i], old.ranges[2 * i + 1]))) as T;
  const clients: Client[] = old.clients.map((name) => ({ name, operations: [] }));
  for (let i = 0; i < operations; i++) clients[old.operationClients[i]].operations.push(part<Operation>(i));
  // As JSON.parse makes it: own properties, `__proto__` too.
  return { clients, structures: Object.fromEntries(old.structureNames.map((name, k) => [name, part<Structure>(operations + k)])) };
}

// A part's key only finds the old part to compare with: the bytes decide.
const operationPartKey = (client: string, name: string) => `${client}\u0000${name}`;
const structurePartKey = (name: string) => `\u0000${name}`;

/** Which parts of a model file stand unchanged from the previous file (readParts found them there, as the very bytes). */
export interface SameParts {
  /** The previous file's index. */
  previous: ModelFileIndex;
  /** For each part of the file now (operations, then structures), the part of the previous file of the same bytes (-1: none). */
  oldOf: Int32Array;
}

// openapi.json as the bytes written, made in proportion to what changed: each operation object
// and component schema whose inputs stand unchanged since the last run is taken from the file
// that run wrote, as its bytes; the rest of the document (its top, the tags, the paths' and
// components' layout, the security schemes) is made afresh every time, by toOpenApi itself.
import type { SameParts } from '../diff/model-file-parts.js';
import { jsonFile } from '../emit/json-file.js';
import { CLOSE, LayoutCursor, objectEnd, OPEN } from '../emit/json-layout.js';
import { JsonPieces, NotPlain } from '../emit/json-pieces.js';
import type { Model } from '../model/types.js';
import { sha256 } from '../workflow/fingerprint.js';
import type { OpenApiParts } from './export.js';

/** Where each operation object and component schema of an openapi.json is, by byte offsets into it. */
export interface OpenApiFileIndex {
  /** sha256 of the file's bytes: the offsets hold for those bytes only. */
  sha256: string;
  /** sha256 of the model file the same run wrote: the operations and structures below are numbered as its parts are (diff/model-file-parts.ts). */
  modelSha256: string;
  /** Start and end of the object of each operation of the model, `[start0, end0, …]`; -1, -1 where another operation of the same path and verb took its place. */
  operations: number[];
  /** The operationId each operation object was made with (its client is the one the model file's index says). */
  operationIds: string[];
  /** Start and end of the schema of each structure of the model (-1, -1: an inline structure, which has none). */
  schemas: number[];
  /** The numbers of the inline structures among the structures, in order: every operation object and schema may show them in place. */
  inline: number[];
}

/** openapi.json's bytes with their index, as the last run wrote them. */
export interface IndexedOpenApiFile {
  bytes: Buffer;
  index: OpenApiFileIndex;
}

/** openapi.json made: its bytes, their sha256, and where its parts are (where asked for). */
export interface OpenApiFile {
  bytes: Buffer;
  sha256: string;
  index?: OpenApiFileIndex;
}

/**
 * Whether `start`-`end` of `bytes` can be a part: an object inside the file. A run cache that
 * reads back but was damaged (its hashes intact) then costs the part its reuse, not its bytes.
 */
const holdsObject = (bytes: Buffer, start: number, end: number) => start >= 0 && start < end && end <= bytes.length && bytes[start] === OPEN && bytes[end - 1] === CLOSE;

/** A part of the previous file put in as its bytes. */
class Reused {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {}
}

export interface OpenApiFileInputs {
  model: Model;
  /** toOpenApi of the model (with the run's options), handed the parts to put in. */
  document: (parts?: OpenApiParts) => unknown;
  /** The previous file with its index, where the last run wrote it and it is still those bytes. */
  previous?: IndexedOpenApiFile;
  /** Which parts of the model file now stand unchanged since the previous one (readParts). */
  same?: SameParts;
  /** The sha256 of the model file now, where the index is wanted (a run that keeps a cache). */
  modelSha256?: string;
}

/**
 * openapi.json of the model: jsonText(document, 2) and a line break, as UTF-8. Made by its
 * parts where the previous file can be drawn on or an index is wanted (openApiParts), else whole.
 */
export function openApiFile(inputs: OpenApiFileInputs): OpenApiFile {
  const drawn = inputs.previous && inputs.same && inputs.previous.index.modelSha256 === inputs.same.previous.sha256;
  const made = drawn || inputs.modelSha256 !== undefined ? openApiParts(inputs, drawn ? inputs.previous : undefined) : undefined;
  if (made) return made;
  const bytes = jsonFile(inputs.document(), inputs.previous?.bytes);
  return { bytes, sha256: sha256(bytes) };
}

/**
 * The file made by its parts, with its index (in pieces where `drawnOn` is drawn on, else
 * whole and then located): the object of operation `op` of client `client`
 * with id `operationId` is taken from the previous file where the model file's part of `op`
 * stands unchanged (the very bytes of the previous model's part number i: an equal value), the
 * previous file's object of part i was made with the same client and id, and the inline
 * structures are the same values in the same order; likewise a schema, where its structure
 * stands unchanged and the inline structures are the same. Sound: the
 * previous file is the bytes its index was made of (its sha256), and that index numbers its
 * parts as the model file of the same run does (modelSha256, the previous model file's sha256
 * that readParts read against); operationObject and structureSchema are functions of exactly
 * those inputs (the model is plain JSON data: a value is what its JSON text reads as); and the
 * pieces are laid out as JSON.stringify lays out the whole (JsonPieces), each part at its
 * depth. Undefined where the document is not the plain data the pieces lay out (then made whole).
 */
function openApiParts({ model, document, same, modelSha256, previous: lastWritten }: OpenApiFileInputs, drawnOn: IndexedOpenApiFile | undefined): OpenApiFile | undefined {
  const operations = model.clients.flatMap((c) => c.operations);
  const structureKeys = Object.keys(model.structures);
  const structureNumbers = new Map(structureKeys.map((key, k) => [key, k]));
  const inline = Object.values(model.structures).flatMap((s, k) => (s.inline ? [k] : []));
  const old = drawnOn?.index;
  /** The previous model file's part that part `j` of the model file now has the bytes of (-1: none). */
  const oldOf = (j: number) => (old && same ? same.oldOf[j] : -1);
  const previousModel = same?.previous;
  const previousOperations = previousModel?.operationNames.length ?? 0;
  const sameInline = old !== undefined && inline.length === old.inline.length && inline.every((k, n) => oldOf(operations.length + k) === previousOperations + old.inline[n]);
  const index: OpenApiFileIndex = {
    sha256: '',
    modelSha256: modelSha256 ?? '',
    operations: new Array<number>(2 * operations.length).fill(-1),
    operationIds: new Array<string>(operations.length).fill(''),
    schemas: new Array<number>(2 * structureKeys.length).fill(-1),
    inline,
  };
  // Each part as put in the document, with its number.
  const operationOf = new Map<unknown, number>();
  const schemaOf = new Map<unknown, number>();
  // toOpenApi makes the operations in the model's order: the j-th is the model file's operation j, of the client its index says.
  let next = 0;
  const parts: OpenApiParts = {
    operation(client, operationId, make) {
      const j = next++;
      const i = sameInline ? oldOf(j) : -1;
      const reused = i >= 0 && previousModel!.clients[previousModel!.operationClients[i]] === client && old!.operationIds[i] === operationId && holdsObject(drawnOn!.bytes, old!.operations[2 * i], old!.operations[2 * i + 1]);
      const part = reused ? new Reused(old!.operations[2 * i], old!.operations[2 * i + 1]) : make();
      operationOf.set(part, j);
      index.operationIds[j] = operationId;
      return part;
    },
    schema(key, make) {
      const k = structureNumbers.get(key)!;
      const i = sameInline ? oldOf(operations.length + k) - previousOperations : -1;
      // Its text is structureSchema's of the structure alone (its key is written beside it).
      const reused = i >= 0 && holdsObject(drawnOn!.bytes, old!.schemas[2 * i], old!.schemas[2 * i + 1]);
      const part = reused ? new Reused(old!.schemas[2 * i], old!.schemas[2 * i + 1]) : make();
      schemaOf.set(part, k);
      return part;
    },
  };
  const doc = document(parts);
  const made = drawnOn ? inPieces(doc, drawnOn.bytes, operationOf, schemaOf, index) : whole(doc, lastWritten?.bytes, operationOf, schemaOf, index);
  if (!made) return undefined;
  const hash = sha256(made.bytes);
  return { bytes: made.bytes, sha256: hash, ...(modelSha256 !== undefined && made.indexed && { index: { ...index, sha256: hash } }) };
}

/** The document's bytes made in pieces, the parts of the previous file (`previous`) put in as their bytes; their ranges kept in `index`. */
function inPieces(doc: unknown, previous: Buffer, operationOf: Map<unknown, number>, schemaOf: Map<unknown, number>, index: OpenApiFileIndex): { bytes: Buffer; indexed: true } | undefined {
  const out = new JsonPieces();
  /** A part (number `n`, its range kept in `ranges`) at depth 3, where both the paths' operations and the schemas are. */
  const part = (key: string, value: unknown, n: number | undefined, ranges: number[]) => {
    if (n === undefined) return out.value(value, 3, key);
    const start = out.offset();
    if (value instanceof Reused) out.bytes(previous.subarray(value.start, value.end));
    else out.value(value, 3, key);
    [ranges[2 * n], ranges[2 * n + 1]] = [start, out.offset()];
  };
  try {
    out.members(doc, 0, (key, value) => {
      if (key === 'paths') out.members(value, 1, (_path, item) => out.members(item, 2, (verb, op) => part(verb, op, operationOf.get(op), index.operations)));
      else if (key === 'components') out.members(value, 1, (member, v) => (member === 'schemas' ? out.members(v, 2, (name, schema) => part(name, schema, schemaOf.get(schema), index.schemas)) : out.value(v, 2, member)));
      else out.value(value, 1, key);
    });
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
  return { bytes: out.done(), indexed: true };
}

/**
 * The document's bytes made whole (no part to put in: one JSON.stringify is quicker than one per
 * part; `last`: the file the last run wrote, see jsonFile), the ranges of its parts then found
 * from its layout, guided by the document, into `index`; not indexed where the layout is not
 * the one expected (the next run then makes every part afresh).
 */
function whole(doc: unknown, last: Buffer | undefined, operationOf: Map<unknown, number>, schemaOf: Map<unknown, number>, index: OpenApiFileIndex): { bytes: Buffer; indexed: boolean } {
  const bytes = jsonFile(doc, last);
  const { paths, components } = doc as { paths?: Record<string, Record<string, unknown>>; components?: { schemas?: Record<string, unknown> } };
  if (!paths || !components?.schemas) return { bytes, indexed: false };
  const cursor = new LayoutCursor(bytes);
  /** The members of the object at depth 2 whose `{` was just passed: each operation or schema, at depth 3. */
  const parts = (members: Record<string, unknown>, numbers: Map<unknown, number>, ranges: number[]) => {
    const values = Object.values(members);
    return cursor.objectMembers(2, values.length, (k, start) => {
      const n = numbers.get(values[k]);
      const end = objectEnd(bytes, start, 6);
      if (n !== undefined) [ranges[2 * n], ranges[2 * n + 1]] = [start, end];
      return end;
    });
  };
  // The paths' members are objects, one per path (a key of no raw line break), each holding the path's operations.
  const items = Object.values(paths);
  const found =
    cursor.find('\n  "paths": {') &&
    cursor.objectMembers(1, items.length, (k) => (parts(items[k], operationOf, index.operations) ? cursor.at : -1)) &&
    cursor.find('\n  "components": {') &&
    cursor.next('\n    "schemas": {') &&
    parts(components.schemas, schemaOf, index.schemas);
  return { bytes, indexed: found };
}

// The model file's parts (diff/model-file-parts.ts): where each operation and structure is in
// the bytes generate writes, and the previous model read back from the parts that differ. The
// oracle: the file itself, parsed whole (what the next run's diff compared before).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffModels } from '../../generator/diff/changes.js';
import { ModelFile, readParts, type ModelParts } from '../../generator/diff/model-file-parts.js';
import { jsonText } from '../../generator/emit/escape.js';
import type { Model } from '../../generator/model/types.js';
import { loadModel } from '../../generator/pipeline.js';
import { removedOperations } from '../../generator/workflow/shrink-guard.js';
import { field, model, operation, structure } from '../support/model.js';

const FOLDERS = ['test/fixtures/corpus/zh/markdown', 'test/fixtures/corpus/en/vitepress', 'test/fixtures/widdershins/markdown/rbaskets.in'];
const models = new Map<string, Model>();
beforeAll(async () => {
  for (const folder of FOLDERS) models.set(folder, (await loadModel([folder])).model);
});
const copy = (m: Model): Model => JSON.parse(JSON.stringify(m));

/** Doc text that looks like the layout the index walks: line breaks, indents, braces, quotes. */
const TRICKY = ['\n        }', '\n    }', '},\n        {', '"x": {', '\\', '\u200b\u202e', '\ud83d\ude00', '{}', '\n      "operations": ['];

/** Each range of the index holds exactly its part's JSON, and the names are the parts'. */
function expectIndexed(m: Model): void {
  const file = new ModelFile(m);
  expect(file.bytes.toString('utf8')).toBe(jsonText(m, 2) + '\n');
  const index = file.index()!;
  expect(index).toBeDefined();
  const ops = m.clients.flatMap((c) => c.operations);
  const parts = [...ops, ...Object.values(m.structures)];
  expect(index.ranges.length).toBe(2 * parts.length);
  parts.forEach((part, i) => expect(file.bytes.toString('utf8', index.ranges[2 * i], index.ranges[2 * i + 1])).toBe(JSON.stringify(part, null, 2).replaceAll('\n', '\n' + ' '.repeat(i < ops.length ? 8 : 4)).replace(/[\u200b\u202e]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16))));
  expect(index.clients).toEqual(m.clients.map((c) => c.name));
  expect(index.operationNames).toEqual(ops.map((op) => op.name));
  expect(index.operationClients).toEqual(m.clients.flatMap((c, i) => c.operations.map(() => i)));
  expect(index.structureNames).toEqual(Object.keys(m.structures));
}

/** What the whole file reads back as: the oracle for readParts. */
const parsed = (file: ModelFile): ModelParts => {
  const { clients, structures } = JSON.parse(file.bytes.toString('utf8')) as Model;
  return { clients, structures };
};

/** Edits as a next run's pages might make them. */
type Edit = (m: Model, pick: number) => void;
const ops = (m: Model) => m.clients.flatMap((c) => c.operations);
const nth = <T>(list: T[], pick: number): T | undefined => (list.length ? list[pick % list.length] : undefined);
const EDITS: Record<string, Edit> = {
  summary: (m, pick) => void (nth(ops(m), pick) && (nth(ops(m), pick)!.summary += ' (edited)')),
  tricky: (m, pick) => void (nth(ops(m), pick) && (nth(ops(m), pick)!.description += TRICKY[pick % TRICKY.length])),
  field: (m, pick) => void nth(Object.values(m.structures), pick)?.fields.push(field(`f${pick}`, { description: TRICKY[pick % TRICKY.length] })),
  dropOperation: (m, pick) => void nth(m.clients, pick)?.operations.splice(pick % 3, 1),
  addOperation: (m, pick) => void nth(m.clients, pick)?.operations.splice(pick % 3, 0, operation(`added${pick}`)),
  // The same operation moved: same bytes, elsewhere.
  moveOperation: (m, pick) => {
    const client = nth(m.clients, pick);
    if (client && client.operations.length > 1) client.operations.push(client.operations.shift()!);
  },
  dropStructure: (m, pick) => {
    const name = nth(Object.keys(m.structures), pick);
    if (name) delete m.structures[name];
  },
  addStructure: (m, pick) => void (m.structures[`Added${pick}`] = structure(`Added${pick}`, [field('a')])),
  renameClient: (m, pick) => void (nth(m.clients, pick) && (nth(m.clients, pick)!.name += 'X')),
  sameName: (m, pick) => {
    const [a, b] = [nth(ops(m), pick), nth(ops(m), pick + 1)];
    if (a && b) a.name = b.name;
  },
  diagnostics: (m) => void m.diagnostics.push({ severity: 'warning', code: 'w', message: TRICKY.join(''), file: 'p.md' }),
};
function edited(base: Model, edits: [string, number][]): Model {
  const m = copy(base);
  for (const [name, pick] of edits) EDITS[name](m, pick);
  return m;
}
const editsArb = fc.array(fc.tuple(fc.constantFrom(...Object.keys(EDITS)), fc.nat(10_000)), { maxLength: 4 });

describe('the model file index', () => {
  it('locates every operation and structure of the fixtures', () => {
    for (const m of models.values()) expectIndexed(m);
  });

  it('is not misled by doc text that looks like its layout', () => {
    const text = TRICKY.join('');
    const op = operation('getUser', { description: text, params: [field('id', { description: text, example: text })] });
    expectIndexed(model([op, operation('other')], [structure(text, [field(text)]), structure('__proto__', []), structure('B', [field('x', { description: text })])]));
    expectIndexed(model([]));
    expectIndexed({ ...model([op]), clients: [{ name: 'Empty', operations: [] }, { name: text, operations: [op] }] });
  });

  it('gives up on a layout it does not know rather than guess', () => {
    // A client with a member after its operations, an operation that is no object.
    const m = model([operation('a')]);
    expect(new ModelFile({ ...m, clients: [{ ...m.clients[0], extra: 1 } as never] }).index()).toBeUndefined();
    expect(new ModelFile({ ...m, clients: [{ name: 'C', operations: [null as never] }] }).index()).toBeUndefined();
    expect(new ModelFile({ ...m, structures: { A: null as never } }).index()).toBeUndefined();
  });
});

describe('readParts: the previous model from the parts that differ', () => {
  it('reads back exactly what the whole file parses to, after any edits, taking only parts of equal bytes from the model now', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FOLDERS), editsArb, editsArb, (folder, before, after) => {
        const [a, b] = [new ModelFile(edited(models.get(folder)!, before)), new ModelFile(edited(models.get(folder)!, after))];
        const read = readParts({ bytes: a.bytes, index: a.index()! }, b)!;
        const whole = parsed(a);
        // JSON text equality: same keys, same values, same order (toEqual would pass a shared object that differs by an undefined key).
        expect(JSON.stringify(read)).toBe(JSON.stringify(whole));
        expect(Object.keys(read.structures)).toEqual(Object.keys(whole.structures));
        // So the diff and the shrink guard see what they saw when they read the whole file.
        expect(diffModels(read, b.model)).toEqual(diffModels(whole, b.model));
        expect(removedOperations(read, b.model)).toEqual(removedOperations(whole, b.model));
      }),
      { seed: 16, numRuns: 60 },
    );
  });

  it('parses a part that changed where it stands, and takes one that did not', () => {
    const m = models.get(FOLDERS[0])!;
    const a = new ModelFile(m);
    const next = copy(m);
    next.clients[0].operations[1].summary += ' (edited)';
    const b = new ModelFile(next);
    const read = readParts({ bytes: a.bytes, index: a.index()! }, b)!;
    expect(read.clients[0].operations[1]).not.toBe(next.clients[0].operations[1]);
    expect(read.clients[0].operations[1].summary).toBe(m.clients[0].operations[1].summary);
    expect(read.clients[0].operations[0]).toBe(next.clients[0].operations[0]);
    expect(read.clients[0].operations.at(-1)).toBe(next.clients[0].operations.at(-1));
    const name = Object.keys(next.structures)[0];
    expect(read.structures[name]).toBe(next.structures[name]);
  });

  it('takes the parts between two that changed where their bytes stand there, and records which they are', () => {
    const m = models.get(FOLDERS[0])!;
    const a = new ModelFile(m);
    const next = copy(m);
    const [first, last] = [next.clients[0].operations[0], Object.values(next.structures).at(-1)!];
    first.summary += ' (edited)';
    last.description = 'edited';
    const b = new ModelFile(next);
    const read = readParts({ bytes: a.bytes, index: a.index()! }, b)!;
    const between = next.clients.flatMap((c) => c.operations).slice(1);
    expect(between.length).toBeGreaterThan(1);
    read.clients.flatMap((c) => c.operations).slice(1).forEach((op, k) => expect(op).toBe(between[k]));
    expect(read.clients[0].operations[0]).not.toBe(first);
    const same = b.same!;
    const parts = between.length + 1 + Object.keys(next.structures).length;
    expect([...same.oldOf]).toEqual(Array.from({ length: parts }, (_, j) => (j === 0 || j === parts - 1 ? -1 : j)));
  });

  it('does not take a part that moved into the place of another of equal length', () => {
    const [x, y] = [operation('same', { summary: 'x' }), operation('same', { summary: 'y' })];
    const a = new ModelFile(model([x, operation('b')]));
    const b = new ModelFile(model([y, operation('b')]));
    const read = readParts({ bytes: a.bytes, index: a.index()! }, b)!;
    expect(read.clients[0].operations[0].summary).toBe('x');
    expect(read.clients[0].operations[1]).toBe(b.model.clients[0].operations[1]);
  });
});

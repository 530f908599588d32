// diffModels leaves out of both dumps what is the same on both sides (diff/unchanged.ts). The
// oracle: the diff of the whole dumps, which is what diffModels computed before. Both must agree
// on every pair of models, including the ones whose keys collide (`A.b` as an operation of
// client A and as a field of structure A).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffApis, diffModels } from '../../generator/diff/changes.js';
import { publicApi } from '../../generator/diff/public-api.js';
import { sameJson, unchangedParts } from '../../generator/diff/unchanged.js';
import type { Model, TypeRef } from '../../generator/model/types.js';
import { loadModel } from '../../generator/pipeline.js';
import { field, model, operation, structure } from '../support/model.js';

const wholeDiff = (a: Model, b: Model) => diffApis(publicApi(a), publicApi(b));

const FOLDERS = [
  'test/fixtures/corpus/zh/markdown',
  'test/fixtures/corpus/zh/vitepress',
  'test/fixtures/corpus/zh/vitepress-mangled',
  'test/fixtures/corpus/en/vitepress',
  'test/fixtures/corpus/en/markdown',
  'test/fixtures/widdershins/html/rbaskets.in',
  'test/fixtures/widdershins/markdown/rbaskets.in',
  'test/fixtures/widdershins/markdown-zh/rbaskets.in',
  'test/fixtures/widdershins/markdown/twilio.com__twilio_messaging_v1',
];

const models = new Map<string, Model>();
beforeAll(async () => {
  for (const folder of FOLDERS) models.set(folder, (await loadModel([folder])).model);
});
/** A copy, as the previous run's model.json reads back. */
const fixture = (folder: string): Model => JSON.parse(JSON.stringify(models.get(folder)));

/** Edits as a next run's pages might make them, and names that make keys collide. */
type Edit = (m: Model, pick: number) => void;
const ops = (m: Model) => m.clients.flatMap((c) => c.operations);
const structures = (m: Model) => Object.values(m.structures);
const nth = <T>(list: T[], pick: number): T | undefined => (list.length ? list[pick % list.length] : undefined);
const anyField = (m: Model, pick: number) => nth([...ops(m).flatMap((op) => op.params), ...structures(m).flatMap((s) => s.fields)], pick);
const refTo = (m: Model, pick: number): TypeRef => ({ kind: 'ref', ref: nth(structures(m), pick)?.name ?? 'Missing' });

const EDITS: Record<string, Edit> = {
  description: (m, pick) => void (anyField(m, pick) && (anyField(m, pick)!.description += ' (edited)')),
  summary: (m, pick) => void (nth(ops(m), pick) && (nth(ops(m), pick)!.summary += ' (edited)')),
  required: (m, pick) => void (anyField(m, pick) && (anyField(m, pick)!.required = !anyField(m, pick)!.required)),
  enum: (m, pick) => void (anyField(m, pick) && (anyField(m, pick)!.enum = ['a', 'b'])),
  // Makes a structure reachable from a request: its usage changes, its entries do not.
  typeToRef: (m, pick) => void (anyField(m, pick) && (anyField(m, pick)!.type = refTo(m, pick * 7))),
  dropParam: (m, pick) => void nth(ops(m), pick)?.params.pop(),
  dropField: (m, pick) => void nth(structures(m), pick)?.fields.shift(),
  dropStructure: (m, pick) => void (nth(structures(m), pick) && delete m.structures[nth(structures(m), pick)!.name]),
  dropOperation: (m, pick) => void nth(m.clients, pick)?.operations.splice(pick % 3, 1),
  // Two operations of one key.
  sameName: (m, pick) => {
    const [a, b] = [nth(ops(m), pick), nth(ops(m), pick + 1)];
    if (a && b && a.client === b.client) a.name = b.name;
  },
  // Structure `Client` with field `op`: the key of the client's operation.
  clientStructure: (m, pick) => {
    const client = nth(m.clients, pick);
    const op = client && nth(client.operations, pick);
    if (op) m.structures[client.name] = structure(client.name, [field(op.name), field(`${op.name}(x)`)]);
  },
  // `A.b` as a structure name: its fields' parent key reads back as `A`.
  dottedStructure: (m, pick) => {
    const s = nth(structures(m), pick);
    const other = nth(structures(m), pick + 1);
    if (s && other) m.structures[`${other.name}.x`] = { ...s, name: `${other.name}.x` };
  },
  // `(` in an operation name: its parameters' parent key reads back as a shorter one.
  parenOperation: (m, pick) => {
    const op = nth(ops(m), pick);
    if (op) op.name = `${op.name}(y`;
  },
};

function edited(base: Model, edits: [string, number][]): Model {
  const m: Model = JSON.parse(JSON.stringify(base));
  for (const [name, pick] of edits) EDITS[name](m, pick);
  return m;
}

const editsArb = fc.array(fc.tuple(fc.constantFrom(...Object.keys(EDITS)), fc.nat(10_000)), { maxLength: 4 });

describe('diffModels leaves out what is the same on both sides', () => {
  it('a model against its own saved copy: everything left out, no change', () => {
    for (const folder of FOLDERS) {
      const [a, b] = [models.get(folder)!, fixture(folder)];
      const omitted = unchangedParts(b, a);
      expect(omitted.operations.size).toBe(new Set(ops(a).map((op) => `${op.client}.${op.name}`)).size);
      expect(omitted.structures.size).toBe(structures(a).length);
      expect(diffModels(b, a)).toEqual({ bump: 'none', changes: [] });
    }
  });

  it('the same changes as the whole dumps give, between the fixtures', () => {
    for (const x of FOLDERS) for (const y of FOLDERS) expect(diffModels(fixture(x), models.get(y)!)).toEqual(wholeDiff(fixture(x), models.get(y)!));
  });

  it('the same changes as the whole dumps give, after any edits on either side', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FOLDERS), editsArb, editsArb, (folder, before, after) => {
        const [a, b] = [edited(fixture(folder), before), edited(fixture(folder), after)];
        expect(diffModels(a, b)).toEqual(wholeDiff(a, b));
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it('compares an operation whose key another part has, even when it is the same on both sides', () => {
    const op = operation('getUser', { params: [field('id')] });
    const before = model([op]);
    // Structure ManagementClient's field getUser is keyed as the operation is, and wins the key.
    const after = model([op], [structure('ManagementClient', [field('getUser')])]);
    expect(unchangedParts(before, after).operations.size).toBe(0);
    expect(diffModels(before, after)).toEqual(wholeDiff(before, after));
    expect(diffModels(after, before)).toEqual(wholeDiff(after, before));
  });
});

describe('parts whose keys meet', () => {
  const both = (before: Model, after: Model) => {
    expect(diffModels(before, after)).toEqual(wholeDiff(before, after));
    expect(diffModels(after, before)).toEqual(wholeDiff(after, before));
  };

  it('compares an operation whose parameter has the key of another operation (they meet at a `(`)', () => {
    const a = operation('get(x', { params: [field('y')] });
    both(model([a]), model([a, operation('get(x(y)')]));
  });

  it('compares an operation and a structure of one key', () => {
    const op = operation('getUser', { params: [field('id')] });
    both(model([op]), model([op], [structure('ManagementClient.getUser', [field('id')])]));
    both(model([op], [structure('ManagementClient.getUser', [])]), model([op], [structure('ManagementClient.getUser', [field('id', { required: true })])]));
  });
});

describe('sameJson', () => {
  it.each([
    [{ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [[1, 2], [2, 1], false],
    [[], {}, false],
    [{ a: null }, { a: {} }, false],
    [{ a: '1' }, { a: 1 }, false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameJson(a, b)).toBe(same);
    expect(sameJson(b, a)).toBe(same);
  });
});

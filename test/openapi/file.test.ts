// openapi.json made from the previous one's unchanged parts (openapi/file.ts) is the clean
// build's file byte for byte: checked over random sequences of page edits, additions and
// removals on the fixture pages (incremental-merge.test.ts's steps), each step a run that
// reads its page cache and both indexes from the real cache file the last step saved, and the
// model file and openapi.json the last step made, as `generate` does. More runs:
//   DOCSDK_OPENAPI_RUNS=100 DOCSDK_FUZZ_SEED=7 npx vitest run test/openapi/file.test.ts
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelFile, readParts } from '../../generator/diff/model-file-parts.js';
import { jsonText } from '../../generator/emit/escape.js';
import { buildModel } from '../../generator/model/build.js';
import { inferItemsFromSamples } from '../../generator/model/sample-items.js';
import type { Model } from '../../generator/model/types.js';
import { toOpenApi, type OpenApiParts } from '../../generator/openapi/export.js';
import { openApiFile, type OpenApiFileIndex } from '../../generator/openapi/file.js';
import { loadModel } from '../../generator/pipeline.js';
import type { PageFile } from '../../generator/read/page-file.js';
import { sha256 } from '../../generator/workflow/fingerprint.js';
import { RunCache } from '../../generator/workflow/run-cache.js';
import { field, model as modelOf, operation, structure } from '../support/model.js';
import { eachSequence, fixturePages, freshResults } from '../support/page-steps.js';

const SEED = Number(process.env.DOCSDK_FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.DOCSDK_OPENAPI_RUNS ?? 12);
const TITLE = 'fixture-sdk';

/** The two documents a clean build writes. */
function cleanFiles(pages: PageFile[]): { openApi: string; model: string } {
  const model = inferItemsFromSamples(buildModel(freshResults(pages), { basePath: '/api/v3/' }));
  return { openApi: jsonText(toOpenApi(model, { title: TITLE }), 2) + '\n', model: jsonText(model, 2) + '\n' };
}

/** The output as a run leaves it: the two documents. */
interface Written {
  model: Buffer;
  openApi: Buffer;
}

/**
 * A run as `generate` makes the documents: the page cache and the last run's indexes from the
 * cache file, the model file read against the previous one (readParts), openapi.json drawn on
 * the previous one where both indexes hold for the files, then both indexes saved. Returns the
 * files and how many operation objects and schemas were taken from the previous file.
 */
async function run(file: string, pages: PageFile[], last: Written | undefined): Promise<{ written: Written; reused: number }> {
  const cache = await RunCache.open(file);
  await cache.loadPages();
  const { model } = await loadModel([], { pageCache: cache, read: { files: pages, missing: [] } });
  const recorded = cache.lastRun;
  let modelFile = new ModelFile(model);
  if (last && recorded?.modelFile && sha256(last.model) === recorded.modelFile.sha256) {
    modelFile = new ModelFile(model, last.model);
    expect(readParts({ bytes: last.model, index: recorded.modelFile }, modelFile)).toBeDefined();
  }
  const index = recorded?.openApiFile;
  const previous = last && index && sha256(last.openApi) === index.sha256 ? { bytes: last.openApi, index } : undefined;
  let made = 0;
  const document = (parts?: OpenApiParts) => toOpenApi(model, { title: TITLE }, parts && countingMade(parts, () => made++));
  const openApi = openApiFile({ model, document, previous, same: modelFile.same, modelSha256: modelFile.sha256 });
  await cache.save({
    fingerprint: 'test',
    output: new Map(),
    result: { outcome: 'written', exitCode: 0, diagnostics: [] },
    modelFile: modelFile.index(),
    ...(openApi.index && { openApiFile: openApi.index }),
  });
  expect(openApi.sha256).toBe(sha256(openApi.bytes));
  expectIndexed(openApi.bytes, toOpenApi(model, { title: TITLE }), model, openApi.index!);
  return { written: { model: modelFile.bytes, openApi: openApi.bytes }, reused: partCount(model) - made };
}

/** `parts`, calling `onMade` for each part made afresh (the others are put in as the previous file's bytes). */
function countingMade(parts: OpenApiParts, onMade: () => void): OpenApiParts {
  return {
    operation: (client, id, make) => parts.operation(client, id, () => (onMade(), make())),
    schema: (key, make) => parts.schema(key, () => (onMade(), make())),
  };
}

/** The parts of `model`'s openapi.json: its operations and its structures that are not inline. */
const partCount = (model: Model) => model.clients.flatMap((c) => c.operations).length + Object.values(model.structures).filter((s) => !s.inline).length;

/** Each range of the index holds exactly its part's JSON (at its indent, escaped), and no other part has one. */
function expectIndexed(bytes: Buffer, doc: Record<string, unknown>, model: Model, index: OpenApiFileIndex): void {
  const text = (value: unknown) => jsonText(value, 2).replaceAll('\n', '\n      ');
  const { paths, components } = doc as { paths: Record<string, Record<string, { operationId: string }>>; components: { schemas: Record<string, unknown> } };
  const ops = model.clients.flatMap((c) => c.operations);
  const written = new Map(Object.values(paths).flatMap((item) => Object.values(item)).map((op) => [op.operationId, op]));
  ops.forEach((op, j) => {
    const range = bytes.toString('utf8', index.operations[2 * j], index.operations[2 * j + 1]);
    const object = written.get(index.operationIds[j]);
    // Where another operation of the same path and verb took its place: no range.
    if (index.operations[2 * j] < 0) expect(paths[op.http.path][op.http.verb.toLowerCase()]).not.toEqual(expect.objectContaining({ 'x-docsdk-source': op.source.file, summary: op.summary }));
    else expect(range).toBe(text(object));
  });
  Object.keys(model.structures).forEach((key, k) => {
    if (model.structures[key].inline) expect(index.schemas[2 * k]).toBe(-1);
    else expect(bytes.toString('utf8', index.schemas[2 * k], index.schemas[2 * k + 1])).toBe(text(components.schemas[key]));
  });
}

describe(`openapi.json drawn on the previous one (seed ${SEED})`, () => {
  it(`is the clean build's file byte for byte over ${RUNS} random sequences of edits, additions and removals`, async () => {
    const base = fixturePages();
    const dir = await mkdtemp(join(tmpdir(), 'docsdk-openapi-'));
    const baseCache = join(dir, 'base.v8');
    const first = await run(baseCache, base, undefined);
    expect(first.written.openApi.toString('utf8')).toBe(cleanFiles(base).openApi);
    expect(first.reused).toBe(0);
    let reused = 0;
    // The files the last step of each sequence wrote (a sequence's first step: those of the first run).
    const last = new Map<string, Written>();
    await eachSequence(base, baseCache, { runs: RUNS, seed: SEED }, async (file, pages, n) => {
      const result = await run(file, pages, n ? last.get(file) : first.written);
      const clean = cleanFiles(pages);
      // Compared as booleans: a failure prints the steps (fast-check), not two whole files.
      expect(result.written.openApi.toString('utf8') === clean.openApi).toBe(true);
      expect(result.written.model.toString('utf8') === clean.model).toBe(true);
      reused += result.reused;
      last.set(file, result.written);
    });
    // The control: most operation objects and schemas came from the previous file.
    expect(reused).toBeGreaterThan(RUNS * partCount(inferItemsFromSamples(buildModel(freshResults(base), { basePath: '/api/v3/' }))) / 2);
  });
});

/** openapi.json of `after` drawn on the one of `before` (both files made as a run makes them), and how many parts it took from it. */
function drawn(before: Model, after: Model, damage?: (index: OpenApiFileIndex) => void): { bytes: string; reused: number } {
  const [a, b] = [new ModelFile(before), new ModelFile(after, new ModelFile(before).bytes)];
  const first = openApiFile({ model: before, document: (parts) => toOpenApi(before, {}, parts), modelSha256: a.sha256 });
  damage?.(first.index!);
  expect(readParts({ bytes: a.bytes, index: a.index()! }, b)).toBeDefined();
  let made = 0;
  const document = (parts?: OpenApiParts) =>
    toOpenApi(after, {}, parts && countingMade(parts, () => made++));
  const second = openApiFile({ model: after, document, previous: { bytes: first.bytes, index: first.index! }, same: b.same, modelSha256: b.sha256 });
  return { bytes: second.bytes.toString('utf8'), reused: partCount(after) - made };
}
const clean = (m: Model) => jsonText(toOpenApi(m), 2) + '\n';

describe('an operation object or schema whose model part stands unchanged', () => {
  it('is made afresh where the index read back gives it no object of the previous file (a damaged cache)', () => {
    const before = modelOf([operation('a'), operation('b')], [structure('S', [field('x')])]);
    expect(drawn(before, structuredClone(before))).toEqual({ bytes: clean(before), reused: 3 });
    // One range off by a byte, one past the file's end: those two parts made afresh, the file the same.
    const damaged = drawn(before, structuredClone(before), (index) => {
      index.operations[0] += 1;
      index.schemas[1] += 1_000_000;
    });
    expect(damaged).toEqual({ bytes: clean(before), reused: 1 });
  });

  it('is made afresh where its operationId changed (an operation of the same name in another client came first)', () => {
    const get = (client: string, file: string) => operation('get', { client, http: { verb: 'GET', path: `/${file}` }, source: { file, section: 'method' } });
    const ops = [get('A', 'x/a.md'), get('B', 'y/b.md')];
    const before = modelOf(ops);
    const after = modelOf([...structuredClone(ops), get('C', '0/c.md')]);
    expect(clean(before)).toContain('"operationId": "get"');
    expect(clean(after)).toContain('"operationId": "A_get"');
    const { bytes, reused } = drawn(before, after);
    expect(bytes).toBe(clean(after));
    // B's object stands (its id is B_get on both sides).
    expect(reused).toBe(1);
  });

  it('is made afresh where an inline structure it shows in place changed', () => {
    const inline = { ...structure('Op_body', [field('x')]), inline: true as const };
    const op = operation('op', { params: [field('body', { type: { kind: 'ref', ref: 'Op_body' } })] });
    const before = modelOf([op, operation('other')], [inline, structure('Named', [field('y', { type: { kind: 'ref', ref: 'Op_body' } })])]);
    const after = structuredClone(before);
    after.structures.Op_body.fields[0].description = 'changed';
    expect(clean(after)).not.toBe(clean(before));
    const { bytes, reused } = drawn(before, after);
    expect(bytes).toBe(clean(after));
    expect(reused).toBe(0);
    // The control: with the inline structure as it was, every part stands.
    expect(drawn(before, structuredClone(before))).toEqual({ bytes: clean(before), reused: 3 });
  });

  it('is made afresh where its client changed, and a schema taken under another key', () => {
    const before = modelOf([operation('op')], [structure('S', [field('a')])]);
    // Another client of the same name for the very same operation (the operation says its client, the client may differ in a hand-made model).
    const renamed = { ...structuredClone(before), clients: [{ name: 'Other', operations: structuredClone(before.clients[0].operations) }] };
    expect(drawn(before, renamed)).toEqual({ bytes: clean(renamed), reused: 1 });
    // The same structure under another key: its schema is the same text.
    const moved = { ...structuredClone(before), structures: { T: structuredClone(before.structures.S) } };
    expect(drawn(before, moved)).toEqual({ bytes: clean(moved), reused: 2 });
  });

  it('is never taken from an openapi.json whose index numbers the parts of another model file than the one read against', () => {
    // The same client and id as the operation at the same place in m1, another summary.
    const m0 = modelOf([operation('b', { summary: 'zero' })]);
    const m1 = modelOf([operation('b'), operation('c')]);
    const m2 = structuredClone(m1);
    m2.clients[0].operations[1].summary = 'changed';
    const f0 = new ModelFile(m0);
    const o0 = openApiFile({ model: m0, document: (parts) => toOpenApi(m0, {}, parts), modelSha256: f0.sha256 });
    const [f1, f2] = [new ModelFile(m1), new ModelFile(m2, new ModelFile(m1).bytes)];
    readParts({ bytes: f1.bytes, index: f1.index()! }, f2);
    // The openapi.json of m0 with the model parts of m1 → m2: numbered otherwise.
    const made = openApiFile({ model: m2, document: (parts) => toOpenApi(m2, {}, parts), previous: { bytes: o0.bytes, index: o0.index! }, same: f2.same, modelSha256: f2.sha256 });
    expect(made.bytes.toString('utf8')).toBe(clean(m2));
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOverrides } from '../../generator/config/overrides.js';
import { applyEvidence } from '../../generator/evidence/apply.js';
import { emptyEvidence, loadEvidence, mergeEntry, stableJson } from '../../generator/evidence/file.js';
import { readHar, type HarCapture } from '../../generator/evidence/har.js';
import type { EvidenceFile } from '../../generator/evidence/types.js';
import type { Model } from '../../generator/model/types.js';
import { toOpenApi } from '../../generator/openapi/export.js';
import { field, model, operation, structure } from '../support/model.js';

const untyped = { kind: 'array', items: { kind: 'primitive', type: 'unknown' } } as const;

const base = (): Model =>
  model(
    [
      operation('getUserGroups', {
        http: { verb: 'POST', path: '/api/v3/get-user-groups' },
        params: [field('userId', { in: 'body' }), field('status', { in: 'body', enum: ['Activated'] })],
        response: 'GroupListRespDto',
        source: { file: 'm/get-user-groups.md', section: 'method' },
      }),
      operation('webauthnAuthentication', { http: { verb: 'POST', path: '/api/v3/webauthn-authentication' }, source: { file: 'a/webauthn-authentication.md', section: 'method' } }),
    ],
    [
      structure('GroupListRespDto', [field('statusCode', { type: { kind: 'primitive', type: 'number' } }), field('data', { type: untyped, inferred: ['items'] }), field('tags', { type: untyped })]),
      structure('GroupDto', [field('code'), field('name'), field('kind', { enum: ['a'] })]),
      structure('UserDto', [field('code'), field('name'), field('email'), field('phone')]),
    ],
  );

const evidence = (operations: EvidenceFile['operations']): EvidenceFile => ({ evidenceVersion: 1, operations });
const probe = (answers: string[]) => ({ baseUrl: 'http://127.0.0.1:1', when: '2026-01-01T00:00:00.000Z', answers });
const opOf = (m: Model, name: string) => m.clients.flatMap((c) => c.operations).find((o) => o.name === name)!;

describe('applyEvidence: routes', () => {
  it('no evidence and no captures: the model itself (nothing to copy)', () => {
    const input = base();
    expect(applyEvidence(input, { evidence: evidence({}), file: 'docsdk.evidence.json' })).toBe(input);
    expect(applyEvidence(input, { evidence: evidence({}), file: 'docsdk.evidence.json', captures: [] })).toBe(input);
    expect(input).toEqual(base());
  });

  it('a verified route replaces the inferred one, moves the parameters with the verb and marks both facts verified', () => {
    const entry = mergeEntry(undefined, { operation: 'ManagementClient.getUserGroups', probe: probe(['POST /api/v3/get-user-groups 405', 'GET /api/v3/get-user-groups 401']) });
    expect(entry.verified).toEqual({ verb: 'GET', path: '/api/v3/get-user-groups' });
    const out = applyEvidence(base(), { evidence: evidence({ 'm/get-user-groups.md': entry }), file: 'docsdk.evidence.json' });
    const op = opOf(out, 'getUserGroups');
    expect([op.http, op.params.map((p) => p.in), op.inferred, op.verified]).toEqual([{ verb: 'GET', path: '/api/v3/get-user-groups' }, ['query', 'query'], [], ['http.verb', 'http.path']]);
    expect(out.diagnostics).toEqual([]);
  });

  it('config overrides beat verified facts: they move to configured', () => {
    const entry = mergeEntry(undefined, { operation: 'x', probe: probe(['POST /api/v3/get-user-groups 401']) });
    const verified = applyEvidence(base(), { evidence: evidence({ 'm/get-user-groups.md': entry }), file: 'e.json' });
    const { model: out } = applyOverrides(verified, { operations: { getUserGroups: { verb: 'PUT' } }, fields: { 'GroupListRespDto.data': { type: 'GroupDto[]' } } });
    const op = opOf(out, 'getUserGroups');
    expect([op.http.verb, op.inferred, op.verified, op.configured]).toEqual(['PUT', [], ['http.path'], ['http.verb']]);
    const data = out.structures.GroupListRespDto.fields[1];
    expect([data.inferred, data.configured]).toEqual([undefined, ['type', 'items']]);
    const doc = toOpenApi(out) as { paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> } };
    const put = doc.paths['/api/v3/get-user-groups'].put;
    expect([put['x-docsdk-inferred'], put['x-docsdk-verified'], put['x-docsdk-configured']]).toEqual([undefined, ['http.path'], ['http.verb']]);
    expect(doc.components.schemas.GroupListRespDto.properties.data['x-docsdk-configured']).toEqual(['type', 'items']);
  });

  it('two candidates answering, or none, is a warning naming the operation and the candidates; the inferred route stays', () => {
    const two = mergeEntry(undefined, { operation: 'x', probe: probe(['POST /api/v3/webauthn-authentication 401', 'POST /api/v3/webauthn/authentication 400']) });
    const none = mergeEntry(undefined, { operation: 'y', probe: probe(['POST /api/v3/get-user-groups 404', 'GET /api/v3/get-user-groups 404']) });
    const out = applyEvidence(base(), { evidence: evidence({ 'a/webauthn-authentication.md': two, 'm/get-user-groups.md': none }), file: 'e.json' });
    expect(out.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'evidence.ambiguous',
        file: 'a/webauthn-authentication.md',
        section: 'evidence',
        message: 'ManagementClient.webauthnAuthentication: 2 candidates answer (POST /api/v3/webauthn-authentication, POST /api/v3/webauthn/authentication); the inferred POST /api/v3/webauthn-authentication stays',
      },
      {
        severity: 'warning',
        code: 'evidence.ambiguous',
        file: 'm/get-user-groups.md',
        section: 'evidence',
        message: 'ManagementClient.getUserGroups: no candidate answers (2 requests tried); the inferred POST /api/v3/get-user-groups stays',
      },
    ]);
    expect(opOf(out, 'webauthnAuthentication').inferred).toEqual(['http.verb', 'http.path']);
  });

  it('evidence of a page that is gone is a warning, not a crash', () => {
    const entry = mergeEntry(undefined, { operation: 'ManagementClient.oldOne', probe: probe(['GET /api/v3/old-one 401']) });
    const out = applyEvidence(base(), { evidence: evidence({ 'm/old-one.md': entry }), file: 'docsdk.evidence.json' });
    expect(out.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'evidence.stale',
        file: 'docsdk.evidence.json',
        section: 'operations["m/old-one.md"]',
        message: 'evidence for ManagementClient.oldOne on page m/old-one.md, which is not among the inputs; not used (re-probe, or remove the entry)',
      },
    ]);
  });
});

describe('the evidence file', () => {
  it('is written with sorted keys; a re-probe with the same answers keeps the first-seen time', () => {
    const first = mergeEntry(undefined, { operation: 'x', probe: probe(['GET /a 401']) });
    const again = mergeEntry(first, { operation: 'x', probe: { ...probe(['GET /a 401']), when: '2026-06-01T00:00:00.000Z' } });
    expect(again).toEqual(first);
    const changed = mergeEntry(first, { operation: 'x', probe: { ...probe(['GET /a 404', 'POST /a 401']), when: '2026-06-01T00:00:00.000Z' } });
    expect([changed.probe!.when, changed.verified]).toEqual(['2026-06-01T00:00:00.000Z', { verb: 'POST', path: '/a' }]);
    expect(stableJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{\n  "a": {\n    "c": null,\n    "d": [\n      2,\n      1\n    ]\n  },\n  "b": 1\n}\n');
  });

  it('is validated against docsdk.evidence.schema.json; errors name the key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docsdk-evidence-'));
    const file = join(dir, 'e.json');
    await writeFile(file, JSON.stringify({ evidenceVersion: 1, operations: { 'a.md': { operation: 'x', probe: { baseUrl: 'http://h', when: 't', answers: ['FETCH /a 200'] }, verifed: {} } } }));
    const loaded = await loadEvidence(file);
    expect(loaded.evidence).toEqual(emptyEvidence());
    expect(loaded.diagnostics.map((d) => [d.code, d.section, d.message])).toEqual([
      ['evidence.unknown-key', 'operations["a.md"].verifed', 'unknown key; did you mean "verified"?'],
      ['evidence.invalid-value', 'operations["a.md"].probe.answers[0]', 'must be `VERB /path status`, e.g. `GET /api/v3/get-user 401`'],
    ]);
    expect((await loadEvidence(join(dir, 'missing.json'), undefined, { mustExist: true })).diagnostics[0].code).toBe('evidence.unreadable');
    expect((await loadEvidence(join(dir, 'missing.json'))).diagnostics).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('HAR files as evidence', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'docsdk-har-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const entry = (method: string, url: string, status: number, bodies: { request?: unknown; response?: unknown } = {}) => ({
    startedDateTime: '2026-03-01T10:00:00.000Z',
    request: {
      method,
      url,
      headers: [{ name: 'Authorization', value: 'Bearer har-secret' }, { name: 'Cookie', value: 'sid=har-cookie' }, { name: 'x-api-key', value: 'har-key' }],
      ...(bodies.request !== undefined && { postData: { mimeType: 'application/json', text: JSON.stringify(bodies.request) } }),
    },
    response: { status, headers: [{ name: 'Set-Cookie', value: 'sid=har-cookie2' }], content: { mimeType: 'application/json', ...(bodies.response !== undefined && { text: JSON.stringify(bodies.response) }) } },
  });
  const capture = async (name: string, entries: unknown[]): Promise<HarCapture> => {
    await writeFile(join(dir, name), JSON.stringify({ log: { version: '1.2', entries } }));
    return readHar(name, undefined, dir);
  };

  it('verifies routes, types untyped array items, adds enum values and reports undocumented fields; never keeps headers', async () => {
    const har = await capture('a.har', [
      entry('GET', 'https://api.example.com/gateway/api/v3/get-user-groups?userId=u1&status=Suspended', 200, {
        response: { statusCode: 200, data: [{ code: 'g', name: 'n', kind: 'b' }], tags: ['x'], extra: 1 },
      }),
      entry('POST', 'https://api.example.com/api/v3/webauthn/authentication', 400, { request: {} }),
      entry('GET', 'https://api.example.com/api/v3/nothing-here', 404),
    ]);
    const out = applyEvidence(base(), { evidence: emptyEvidence(), file: 'docsdk.evidence.json', captures: [har] });
    expect(opOf(out, 'getUserGroups')).toMatchObject({ http: { verb: 'GET', path: '/api/v3/get-user-groups' }, verified: ['http.verb', 'http.path'] });
    expect(opOf(out, 'webauthnAuthentication').http).toEqual({ verb: 'POST', path: '/api/v3/webauthn/authentication' });
    const [, data, tags] = out.structures.GroupListRespDto.fields;
    expect([data.type, data.inferred, data.verified]).toEqual([{ kind: 'array', items: { kind: 'ref', ref: 'GroupDto' } }, undefined, ['items']]);
    expect([tags.type, tags.verified]).toEqual([{ kind: 'array', items: { kind: 'primitive', type: 'string' } }, ['items']]);
    expect([out.structures.GroupDto.fields[2].enum, out.structures.GroupDto.fields[2].verified]).toEqual([['a', 'b'], ['enum']]);
    expect(opOf(out, 'getUserGroups').params[1]).toMatchObject({ enum: ['Activated', 'Suspended'], verified: ['enum'] });
    expect(out.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`)).toEqual([
      'info evidence.unmatched-traffic: 1 of 3 entries call no operation\'s candidate routes (GET /api/v3/nothing-here)',
      'info evidence.enum-values: traffic shows status values the page does not list: Suspended (added)',
      'info evidence.enum-values: traffic shows kind values the page does not list: b (added)',
      'warning evidence.undocumented-field: traffic shows a field extra in GroupListRespDto that no page documents (not added; set addObservedFields to add it)',
    ]);
    expect(JSON.stringify(har)).not.toMatch(/har-secret|har-cookie|har-key/);
    const added = applyEvidence(base(), { evidence: emptyEvidence(), file: 'e.json', captures: [har], addObservedFields: true });
    expect(added.structures.GroupListRespDto.fields.at(-1)).toEqual({ name: 'extra', type: { kind: 'primitive', type: 'number' }, required: false, description: '', verified: ['field', 'type'], source: { file: 'm/get-user-groups.md', section: 'traffic' } });
  });

  it('a malformed or too large HAR is an error naming the file (and the entry)', async () => {
    await writeFile(join(dir, 'broken.har'), '{"log": {"entries": [');
    await expect(readHar('broken.har', undefined, dir)).rejects.toThrow(/^broken\.har: not valid JSON: /);
    await writeFile(join(dir, 'other.har'), '{"entries": []}');
    await expect(readHar('other.har', undefined, dir)).rejects.toThrow('other.har: not a HAR file (no log.entries list)');
    await writeFile(join(dir, 'entry.har'), JSON.stringify({ log: { entries: [entry('GET', 'https://h/a', 200), { request: { method: 'GET', url: 'not a url' }, response: { status: 200 } }] } }));
    await expect(readHar('entry.har', undefined, dir)).rejects.toThrow('entry.har: log.entries[1]: request.url is not a URL: "not a url"');
    await expect(readHar('entry.har', 100, dir)).rejects.toThrow(/^entry\.har: \d+ bytes, over the 100-byte limit \(maxHarBytes\); not read$/);
  });
});

// The Widdershins profile, one rule per test, on pages copied from shared/corpus2
// (test/fixtures/widdershins/README.md lists them and their licences).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage, parsePageWith, type PageResult } from '../../../generator/parse/page.js';
import { toOpenApi } from '../../../generator/openapi/export.js';
import { loadModel } from '../../../generator/pipeline.js';
import type { Field, Structure } from '../../../generator/model/types.js';
import { PROFILES } from '../../../generator/parse/profiles/index.js';
import { PROFILE_NAMES } from '../../../generator/parse/profiles/names.js';

const DIR = 'test/fixtures/widdershins';
const RBASKETS = { markdown: `${DIR}/markdown/rbaskets.in/index.md`, zh: `${DIR}/markdown-zh/rbaskets.in/index.md`, html: `${DIR}/html/rbaskets.in/index.html` };
const MAILSCRIPT_ZH = `${DIR}/markdown-zh/mailscript.com/index.md`;
const TWILIO = `${DIR}/markdown/twilio.com__twilio_messaging_v1/index.md`;

function page(path: string, text?: string): PageResult {
  const bytes = text === undefined ? readFileSync(path) : Buffer.from(text);
  return parsePage({ abs: path, rel: path.endsWith('.html') ? 'index.html' : 'index.md', bytes });
}

const ops = (r: PageResult) => r.operations ?? [];
const op = (r: PageResult, verb: string, path: string) => ops(r).find((o) => o.http?.verb === verb && o.http.path === path)!;
const structure = (r: PageResult, name: string) => r.structures.find((s) => s.name === name)!;
const field = (s: Structure, name: string) => s.fields.find((f) => f.name === name)!;
const brief = (f: Field) => [f.name, f.in, f.required, f.type];

describe('detection and override', () => {
  it('the names the CLI offers (profiles/names.ts, loaded without the parsers) are the profiles\' own, in their order', () => {
    expect(PROFILES.map((p) => p.name)).toEqual(PROFILE_NAMES);
  });

  it('each flavor is read by the Widdershins profile, recorded in provenance', () => {
    for (const path of Object.values(RBASKETS)) {
      const r = page(path);
      expect(ops(r).length, path).toBe(11);
      expect(new Set(ops(r).map((o) => o.source.profile))).toEqual(new Set(['widdershins']));
      expect(r.structures.every((s) => s.source.profile === 'widdershins')).toBe(true);
    }
  });

  it('a GenAuth page keeps the GenAuth reader: no profile in its provenance', () => {
    const r = page('test/fixtures/corpus/zh/markdown/management/管理用户/get-user-groups.md');
    expect(r.operation?.name).toBe('getUserGroups');
    expect(r.operation?.source.profile).toBeUndefined();
  });

  it('a named profile wins over detection; an unknown one is an error naming the known ones', () => {
    const file = { abs: RBASKETS.markdown, rel: 'index.md', bytes: readFileSync(RBASKETS.markdown) };
    const asGenAuth = parsePageWith(file, { profile: 'genauth' });
    expect(asGenAuth.operations).toBeUndefined();
    expect(asGenAuth.diagnostics.map((d) => d.code)).toContain('page.not-api');
    expect(parsePageWith(file, { profile: 'slate' }).diagnostics).toEqual([
      { severity: 'error', code: 'page.profile', message: 'unknown page profile "slate" (known: genauth, widdershins)', file: 'index.md' },
    ]);
  });
});

describe('the config key', () => {
  it('`profile` in the config reads every page with that profile', async () => {
    const forced = await loadModel([RBASKETS.markdown], { config: { basePath: '/api/v3/', profile: 'genauth' } });
    expect(forced.model.clients).toEqual([]);
    const detected = await loadModel([RBASKETS.markdown], { config: { basePath: '/api/v3/', profile: 'widdershins' } });
    expect(detected.model.clients.flatMap((c) => c.operations).length).toBe(11);
  });
});

describe('operations', () => {
  const r = page(RBASKETS.markdown);

  it('verb and path from the `VERB /path` line, tag from the h1, name from the summary', () => {
    expect(ops(r).map((o) => [o.client, o.name, o.http!.verb, o.http!.path, o.tag]).slice(0, 3)).toEqual([
      ['ServiceClient', 'getServiceVersion', 'GET', '/api/version', 'service'],
      ['BasketsClient', 'getBaskets', 'GET', '/baskets', 'baskets'],
      ['BasketsClient', 'deleteBasket', 'DELETE', '/baskets/{name}', 'baskets'],
    ]);
  });

  it('parameters by location, required from true/false', () => {
    expect(op(r, 'GET', '/baskets/{name}/requests').params.map(brief)).toEqual([
      ['name', 'path', true, { kind: 'primitive', type: 'string' }],
      ['max', 'query', false, { kind: 'primitive', type: 'integer' }],
      ['skip', 'query', false, { kind: 'primitive', type: 'integer' }],
      ['q', 'query', false, { kind: 'primitive', type: 'string' }],
      ['in', 'query', false, { kind: 'primitive', type: 'string' }],
    ]);
  });

  it('the In=body row is the request body, with the media type of the http sample', () => {
    expect(op(r, 'PUT', '/baskets/{name}').requestBody).toEqual({ type: { kind: 'ref', ref: 'Config' }, mediaTypes: ['application/json'], required: true });
    expect(op(r, 'PUT', '/baskets/{name}').params.map((p) => p.name)).toEqual(['name']);
  });

  it('Enumerated Values go to the parameter they name', () => {
    expect(op(r, 'GET', '/baskets/{name}/responses/{method}').params.find((p) => p.name === 'method')?.enum).toEqual([
      'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE',
    ]);
  });

  it('responses per status code, the 2xx schema as the result', () => {
    const create = op(r, 'POST', '/baskets/{name}');
    expect(create.responses?.map((x) => [x.status, x.type])).toEqual([
      ['201', { kind: 'ref', ref: 'Token' }],
      ['400', undefined],
      ['403', undefined],
      ['409', undefined],
      ['422', undefined],
    ]);
    expect(create.response).toBe('Token');
  });

  it('security from the asides, schemes from the Authentication section, base URL', () => {
    expect(op(r, 'GET', '/baskets').security).toEqual([['service_token']]);
    expect(op(r, 'GET', '/api/version').security).toEqual([]);
    expect(r.securitySchemes).toEqual({
      basket_token: { type: 'apiKey', in: 'header', name: 'Authorization' },
      service_token: { type: 'apiKey', in: 'header', name: 'Authorization' },
    });
    expect(r.servers).toEqual(['https://rbaskets.in']);
  });
});

describe('schemas', () => {
  const r = page(RBASKETS.markdown);

  it('`# Schemas` sections: properties, formats, arrays of refs, additionalProperties', () => {
    expect(field(structure(r, 'BasketInfo'), 'last_request_date')).toMatchObject({ type: { kind: 'primitive', type: 'integer' }, format: 'int64', required: false });
    expect(field(structure(r, 'Requests'), 'requests').type).toEqual({ kind: 'array', items: { kind: 'ref', ref: 'Request' } });
    expect(structure(r, 'Headers').additionalProperties).toMatchObject({ type: { kind: 'array', items: { kind: 'primitive', type: 'string' } }, description: 'Collection of header values' });
    expect(structure(r, 'Headers').description).toBe('Map of HTTP headers, key represents name, value is array of values');
  });

  it('`*anonymous*` members under oneOf/xor blocks, `[oneOf]` items (Apifox headers)', () => {
    const z = page(MAILSCRIPT_ZH);
    const list = field(structure(z, 'GetAllActionsResponse'), 'list');
    expect(list.type).toEqual({ kind: 'array', items: { kind: 'ref', ref: 'GetAllActionsResponseList' } });
    expect(structure(z, 'GetAllActionsResponseList')).toMatchObject({ inline: true, fields: [], compositions: [{ kind: 'oneOf', members: [{ kind: 'ref', ref: 'ActionSend' }, { kind: 'ref', ref: 'ActionCombine' }] }] });
  });

  it('» rows of an inline body, their enums by » name, form media type, nullable and formats', () => {
    const t = page(TWILIO);
    const create = op(t, 'POST', '/v1/Services');
    expect(create.requestBody?.mediaTypes).toEqual(['application/x-www-form-urlencoded']);
    const body = structure(t, create.requestBody!.type.kind === 'ref' ? create.requestBody!.type.ref : '');
    expect(body.inline).toBe(true);
    expect(field(body, 'FallbackMethod')).toMatchObject({ format: 'http-method', enum: ['HEAD', 'GET', 'POST', 'PATCH', 'PUT', 'DELETE'] });
    const nullable = Object.values(t.structures).flatMap((s) => s.fields).filter((f) => f.nullable);
    expect(nullable.length).toBeGreaterThan(100);
  });
});

describe('flavors and layouts', () => {
  /** The OpenAPI document of a page, its source file names left out. */
  const exported = async (path: string) => JSON.parse(JSON.stringify(toOpenApi((await loadModel([path])).model)).replaceAll(JSON.stringify(path), '"page"'));

  it('Markdown and Shins HTML give the same OpenAPI document', async () => {
    expect(await exported(RBASKETS.html)).toEqual(await exported(RBASKETS.markdown));
  });

  it('Apifox Chinese headers read as the English ones (no code samples: JSON bodies)', async () => {
    expect(await exported(RBASKETS.zh)).toEqual(await exported(RBASKETS.markdown));
  });

  it('prettier-reformatted tables (padded cells, `_anonymous_`) read the same', () => {
    const text = readFileSync(MAILSCRIPT_ZH, 'utf8');
    const padded = text
      .replace(/\*anonymous\*/g, '_anonymous_')
      .replace(/^\|(.*)\|$/gm, (_line, inner: string) => `| ${inner.split('|').map((c) => c.trim()).join(' | ')} |`);
    expect(padded).not.toBe(text);
    const strip = (x: PageResult) => JSON.stringify({ ...x, diagnostics: [] });
    expect(strip(page(MAILSCRIPT_ZH, padded))).toBe(strip(page(MAILSCRIPT_ZH)));
  });
});

describe('whole-API pages', () => {
  it('a page over the 2 MiB GenAuth limit is read when it is Widdershins (section by section), and says so by its count', async () => {
    const text = readFileSync(RBASKETS.markdown, 'utf8');
    const [head, ...rest] = text.split('<h1 id="request-baskets-api-service">');
    const body = `<h1 id="request-baskets-api-service">${rest.join('')}`.split('# Schemas')[0];
    // Sixty copies of the operations, each under its own path prefix: ~3 MiB.
    const copies = Array.from({ length: 60 }, (_, i) => body.replace(/`(GET|POST|PUT|DELETE) \//g, `\`$1 /v${i}/`)).join('\n');
    const big = `${head}${copies}# Schemas${text.split('# Schemas')[1]}`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(2 * 1024 * 1024);
    const dir = mkdtempSync(path.join(tmpdir(), 'docsdk-whole-api-'));
    try {
      writeFileSync(path.join(dir, 'index.md'), big);
      const { model } = await loadModel([dir]);
      expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(model.clients.flatMap((c) => c.operations).length).toBe(60 * 11);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

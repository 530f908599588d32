// Encodings and shapes that used to read silently wrong: UTF-16 pages with a BOM, bytes that
// are not UTF-8 inside a name, two method names, a page of another site (rustdoc), rows typed
// with fullwidth ｜ bars, and defaults that do not fit their type. Each reads right or is a
// diagnostic naming the page (and row).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build.js';
import { toOpenApi } from '../../generator/openapi/export.js';
import { parsePage, type PageResult } from '../../generator/parse/page.js';
import { fixturesDir, textPage } from '../helpers/pages.js';
import { namePage } from './support/name-pages.js';

const PAGE = namePage({ client: 'UserClient', method: 'get_user', params: ['userId', 'withMetadata'], response: 'UserDto', responseFields: ['id', 'name'] });
const messages = (result: PageResult) => result.diagnostics.map((d) => `${d.file}: ${d.section}${d.row !== undefined ? ` row ${d.row}` : ''}: ${d.severity}: ${d.message}`);
const utf8 = parsePage(textPage('get-user.md', PAGE));

describe('encodings', () => {
  it.each([
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PAGE, 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(PAGE, 'utf16le').swap16()])],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE)])],
  ])('a %s page reads exactly as the UTF-8 one', (_name, bytes) => {
    expect(parsePage(textPage('get-user.md', bytes))).toEqual(utf8);
  });

  it('bytes that are not UTF-8 inside a name: a page warning and a warning on the row', () => {
    const bytes = Buffer.from(PAGE.replace('withMetadata', 'wi\u0000Metadata'));
    bytes[bytes.indexOf(0)] = 0xff;
    const result = parsePage(textPage('get-user.md', bytes));
    expect(result.operation!.params.map((p) => p.name)).toEqual(['userId', 'wi\ufffdMetadata']);
    expect(messages(result)).toEqual([
      'get-user.md: page: warning: some bytes are not UTF-8: they read as U+FFFD (\ufffd); save the page as UTF-8',
      'get-user.md: params row 2: warning: the name "wi\ufffdMetadata" holds bytes that are not UTF-8 (shown as U+FFFD): the page\'s encoding is broken there',
    ]);
  });
});

describe('shapes', () => {
  it('two method names: the first is used, the second reported', () => {
    const twice = PAGE.replace('`UserClient.get_user`', '`UserClient.get_user`\n\n## Method name\n\n`UserClient.get_user_v2`');
    const result = parsePage(textPage('get-user.md', twice));
    expect(result.operation).toMatchObject({ name: 'getUser', client: 'UserClient' });
    expect(messages(result)).toEqual(['get-user.md: method: warning: a second method name, UserClient.get_user_v2; the first, UserClient.get_user, is used']);
  });

  it('a rustdoc page is no operation: "not an API doc page", and nothing of it reaches the model', () => {
    const file = path.join(fixturesDir, 'hostile/shapes/rustdoc-vec.html');
    const result = parsePage({ abs: file, rel: 'rustdoc-vec.html', bytes: readFileSync(file) });
    expect(result.operation).toBeUndefined();
    expect(result.structures).toEqual([]);
    expect(messages(result).filter((m) => m.includes('error'))).toEqual([
      'rustdoc-vec.html: page: error: not an API doc page: its parameter table has no required column, and it has no method name or response type',
    ]);
  });

  it('rows typed with fullwidth ｜ bars are read, and the lines reported', () => {
    const lines = PAGE.split('\n');
    // The parameter table (header, separator, two rows) typed with ｜ only.
    const fullwidth = lines.map((line, i) => (i >= 8 && i <= 11 ? line.replaceAll('|', '｜') : line));
    expect(fullwidth[8]).toMatch(/^｜ Name ｜/);
    const result = parsePage(textPage('get-user.md', fullwidth.join('\n')));
    expect(result.operation!.params.map((p) => [p.name, p.required, p.description])).toEqual([
      ['userId', false, 'parameter 1'],
      ['withMetadata', false, 'parameter 2'],
    ]);
    expect(messages(result)).toEqual(['get-user.md: page: warning: table rows on lines 9, 10, 11, 12 are written with fullwidth ｜ separators; read as |']);
    // A row with | at its ends but ｜ between its cells.
    const mixed = PAGE.replace('| withMetadata | string | no | - | parameter 2 | `x` |', '| withMetadata ｜ string ｜ no ｜ - ｜ parameter 2 ｜ `x` |');
    const read = parsePage(textPage('get-user.md', mixed));
    expect(read.operation!.params.map((p) => p.name)).toEqual(['userId', 'withMetadata']);
    expect(messages(read)).toEqual(['get-user.md: page: warning: a table row on line 12 is written with fullwidth ｜ separators; read as |']);
  });
});

describe('defaults', () => {
  const table = [
    '| count | number | no | 1e309 | too large | `1` |',
    '| enabled | boolean | no | true / false | either | `true` |',
    '| page | integer | no | 1.5 | not whole | `1` |',
    '| size | number | no | 2.5e3 | exponent | `1` |',
    '| strict | boolean | no | TRUE | upper case | `true` |',
    '| label | string | no | 1e309 | text | `a` |',
  ];
  const page = PAGE.replace(/\| userId \|.*\n\| withMetadata \|.*\n/, table.join('\n') + '\n');

  it('typed where they parse; text kept and reported where they do not; openapi.json has typed defaults only', () => {
    const result = parsePage(textPage('list.md', page));
    expect(result.operation!.params.map((p) => [p.name, p.default])).toEqual([
      ['count', '1e309'],
      ['enabled', 'true / false'],
      ['page', '1.5'],
      ['size', 2500],
      ['strict', true],
      ['label', '1e309'],
    ]);
    expect(messages(result)).toEqual([
      'list.md: params row 1: warning: count: default "1e309" is not a finite number; kept as text (x-docsdk-default in openapi.json)',
      'list.md: params row 2: warning: enabled: default "true / false" is not true or false; kept as text (x-docsdk-default in openapi.json)',
      'list.md: params row 3: warning: page: default "1.5" is not an integer; kept as text (x-docsdk-default in openapi.json)',
    ]);
    const openapi = toOpenApi(buildModel([result], { basePath: '/api/v3/' })) as { paths: Record<string, Record<string, { parameters?: { name: string; schema: Record<string, unknown> }[]; requestBody?: { content: { 'application/json': { schema: { properties: Record<string, Record<string, unknown>> } } } } }>> };
    const operation = Object.values(Object.values(openapi.paths)[0])[0];
    const schemas = Object.fromEntries(
      operation.parameters
        ? operation.parameters.map((p) => [p.name, p.schema])
        : Object.entries(operation.requestBody!.content['application/json'].schema.properties),
    );
    expect(Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, [s.default, s['x-docsdk-default']]]))).toEqual({
      count: [undefined, '1e309'],
      enabled: [undefined, 'true / false'],
      page: [undefined, '1.5'],
      size: [2500, undefined],
      strict: [true, undefined],
      label: ['1e309', undefined],
    });
  });
});

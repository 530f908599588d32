// Pages far past real ones stay within stated bounds (docs/limits.md): read whole within a
// capped heap, or refused unread with an error naming the file. Bounds are counts (rows,
// bytes read, heap); how long it takes is what `npm run bench` reports, never asserted here.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_NESTING, NestingTooDeep, pageDocument } from '../../generator/parse/dom.js';
import { parsePage } from '../../generator/parse/page.js';
import { loadModel } from '../../generator/pipeline.js';
import { readPages } from '../../generator/read/inputs.js';
import { DEFAULT_MAX_PAGE_BYTES } from '../../generator/read/page-file.js';
import { cliPath } from '../helpers/cli.js';
import { textPage } from '../helpers/pages.js';
import { pageNested, pageOfSize, pageWithRows } from './support/big-pages.js';

const MB = 1024 * 1024;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function pagesDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docsdk-limits-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

/** `docsdk parse` in a child whose heap is capped: past the cap it dies instead of passing. */
function parseWithHeapCap(dir: string, heapMb: number, args: string[] = []): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, cliPath, 'parse', '.', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

describe('page size', () => {
  it('a 50 MB page is refused unread, with an error naming the file, next to a page that is read', async () => {
    const dir = pagesDir({ 'management/huge.md': pageWithRows(3), 'management/small.md': pageWithRows(3) });
    // Padded with NUL bytes (a sparse file, written at once): had it been read, it would be "binary data".
    truncateSync(path.join(dir, 'management/huge.md'), 50 * MB);
    // Not one byte of it is read.
    expect((await readPages([dir], {})).files.map((f) => [f.rel, f.bytes.length, f.oversize?.size])).toEqual([
      ['management/huge.md', 0, 50 * MB],
      ['management/small.md', Buffer.byteLength(pageWithRows(3)), undefined],
    ]);
    const result = await loadModel([dir]);
    expect(result.model.diagnostics.filter((d) => d.severity !== 'info')).toEqual([
      {
        severity: 'error',
        code: 'page.too-large',
        message: `${50 * MB} bytes, over the page size limit of 2097152 bytes (maxPageBytes in docsdk.config.json); not read`,
        file: 'management/huge.md',
      },
    ]);
    expect(result.model.clients.flatMap((c) => c.operations.map((o) => [o.name, o.params.map((p) => p.name)]))).toEqual([['kickUsers', ['p1', 'p2', 'p3']]]);
  });

  it('maxPageBytes in the config moves the limit', async () => {
    const dir = pagesDir({ 'management/kick-users.md': pageWithRows(3) });
    const size = Buffer.byteLength(pageWithRows(3));
    const under = await loadModel([dir], { config: { basePath: '/api/v3/', maxPageBytes: size } });
    expect(under.model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const over = await loadModel([dir], { config: { basePath: '/api/v3/', maxPageBytes: size - 1 } });
    expect(over.model.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['page.too-large', `${size} bytes, over the page size limit of ${size - 1} bytes (maxPageBytes in docsdk.config.json); not read`],
    ]);
  });

  it('a page just under the default limit is read whole, row for row', () => {
    const text = pageOfSize(DEFAULT_MAX_PAGE_BYTES - 64 * 1024);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(DEFAULT_MAX_PAGE_BYTES);
    const result = parsePage(textPage('management/kick-users.md', text));
    expect(result.operation?.params.length).toBe(text.split('\n| p').length - 1);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('rows', () => {
  it('a page with 10,000 parameter rows is read row for row within a 512 MB heap', () => {
    const dir = pagesDir({ 'management/kick-users.md': pageWithRows(10_000) });
    const r = parseWithHeapCap(dir, 512, ['--out', 'model.json']);
    expect(r.code).toBe(0);
    const [op] = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')).clients[0].operations;
    expect(op.params.length).toBe(10_000);
    expect(op.params.at(-1)).toMatchObject({ name: 'p10000', required: true, source: { row: 10_000 } });
  });
});

describe('nesting', () => {
  // Each of these would make an HTML parser spend O(depth) per tag (parse5: seconds at 30,000
  // levels) or the block readers recurse once per level.
  const deep: [string, (depth: number) => string][] = [
    ['div', (n) => '<div>'.repeat(n) + 'x' + '</div>'.repeat(n)],
    ['unclosed div', (n) => '<div>'.repeat(n) + 'x'],
    ['b with distinct attributes, then paragraphs', (n) => Array.from({ length: n }, (_, i) => `<b c${i}>`).join('') + '<p>x</p>'.repeat(n)],
    ['ul > li', (n) => '<ul><li>'.repeat(n)],
    ['table > tr > td', (n) => '<table><tr><td>'.repeat(n)],
    ['custom tags', (n) => '<LastUpdated>'.repeat(n)],
  ];

  it.each(deep)('%s nested 100,000 deep: refused with an error naming the file', (_name, make) => {
    const html = '<h1>T</h1><h2>Method name</h2><p><code>ManagementClient.get_x</code></p>' + make(100_000);
    const result = parsePage(textPage('management/get-x.html', html));
    expect(result).toEqual({
      file: 'management/get-x.html',
      structures: [],
      diagnostics: [
        {
          severity: 'error',
          code: 'page.too-deep',
          message: `markup nests deeper than ${MAX_NESTING} elements (doc pages nest about 20); not read`,
          file: 'management/get-x.html',
        },
      ],
    });
  });

  it(`a real page inside ${MAX_NESTING - 10} wrappers is read as without them`, () => {
    const plain = parsePage(textPage('management/kick-users.md', pageWithRows(3)));
    const wrapped = parsePage(textPage('management/kick-users.md', pageNested(MAX_NESTING - 10, '<div>', '</div>')));
    expect(wrapped.operation?.params.map((p) => p.name)).toEqual(['appIds', 'userId', 'options']);
    expect(wrapped.diagnostics).toEqual(plain.diagnostics);
  });

  it('counts depth as the parser keeps elements open, while it builds the DOM', () => {
    const nestsDeeperThan = (html: string) => {
      try {
        pageDocument(html);
        return false;
      } catch (error) {
        if (error instanceof NestingTooDeep) return true;
        throw error;
      }
    };
    const n = MAX_NESTING + 1;
    expect(nestsDeeperThan('<div>'.repeat(n))).toBe(true);
    expect(nestsDeeperThan('<div>'.repeat(MAX_NESTING))).toBe(false);
    // Siblings, void elements, implied end tags, comments and script text do not nest.
    expect(nestsDeeperThan('<div></div>'.repeat(n))).toBe(false);
    expect(nestsDeeperThan('<br><img src=x><hr/>'.repeat(n))).toBe(false);
    expect(nestsDeeperThan('<ul>' + '<li>x'.repeat(n))).toBe(false);
    expect(nestsDeeperThan('<table>' + '<tr><td>a<td>b'.repeat(n))).toBe(false);
    expect(nestsDeeperThan('<p>x'.repeat(n))).toBe(false);
    expect(nestsDeeperThan(`<!-- ${'<div>'.repeat(n)} -->`)).toBe(false);
    expect(nestsDeeperThan(`<script>${'<div>'.repeat(n)}</SCRIPT>`)).toBe(false);
    // A stray end tag closes nothing; an end tag closes what it matches and everything inside.
    expect(nestsDeeperThan('</span>'.repeat(n) + '<div>'.repeat(n))).toBe(true);
    expect(nestsDeeperThan(('<section>' + '<i>'.repeat(10) + '</section>').repeat(n))).toBe(false);
  });

  // markdown-it's slowest inputs: linear, but up to 10 s per MB (docs/limits.md).
  it.each([
    ['> ', 'quotes'],
    ['- ', 'list items'],
    ['[', 'open brackets'],
    ['![', 'image openers'],
    ['**', 'emphasis marks'],
    ['*a ', 'emphasis openers'],
    ['`a', 'backticks'],
    ['[a]: ', 'reference definitions'],
  ])('Markdown with %j repeated 20,000 times (%s) is read', (unit) => {
    const text = '# T\n\n## Method name\n\n`ManagementClient.get_x`\n\n' + unit.repeat(20_000) + 'x\n';
    const result = parsePage(textPage('management/get-x.md', text));
    expect(result.operation?.name).toBe('getX');
  });

  it.each([
    ['`<` with no `>`', '<a '.repeat(150_000)],
    ['an unclosed comment', '<!--' + 'x'.repeat(500_000)],
    ['an unclosed script', '<script>' + '<div>'.repeat(100_000)],
    ['pipes', '|'.repeat(500_000)],
    ['one long line', 'x'.repeat(500_000)],
  ])('500 KB of %s is read', (_name, junk) => {
    const html = '<h1>T</h1><h2>Method name</h2><p><code>ManagementClient.get_x</code></p>' + junk;
    const result = parsePage(textPage('management/get-x.html', html));
    expect(result.operation?.name).toBe('getX');
  });
});

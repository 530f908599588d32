// The page DOM is built by htmlparser2 (generator/parse/dom.ts). parse5, which built it before,
// repairs broken markup as browsers do; where that repair decided what docsdk read, dom.ts
// repairs the same way. Each case below read the same with parse5 (checked against the
// parse5 build when the parser changed); the last ones show where the two still differ, and
// why it does not matter to a reader.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getElementsByTagName } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { pageBlocks } from '../../generator/parse/blocks.js';
import { pageDocument, rowsAreChildren } from '../../generator/parse/dom.js';
import { tableRows } from '../../generator/parse/table.js';
import { parsePage, type PageResult } from '../../generator/parse/page.js';
import { fixturesDir, textPage } from '../helpers/pages.js';

const HEAD = '<h1>Kick</h1><p>Kick users.</p><h2>Method name</h2><p><code>ManagementClient.kick_users</code></p><h2>Request parameters</h2>';
const TH = '<thead><tr><th>名称</th><th>类型</th><th>是否必填</th><th>描述</th></tr></thead>';
const row = (name: string) => `<tr><td>${name}</td><td>string</td><td>是</td><td>d</td></tr>`;
const RESPONSE = '<h2>Request Response</h2><p>类型： <code>IsSuccessRespDto</code></p><table><thead><tr><th>名称</th><th>类型</th><th>描述</th></tr></thead><tbody><tr><td>ok</td><td>boolean</td><td>d</td></tr></tbody></table>';
const STRUCTURE = `<h2>数据结构</h2><h3><a id="OptDto"></a> OptDto</h3><table>${TH}<tbody>${row('level')}</tbody></table>`;

/** What a reader takes from a page: summary, description, parameter names, response, structures with their field names. */
function read(html: string) {
  const result: PageResult = parsePage(textPage('management/kick-users.html', html));
  return {
    summary: result.operation?.summary,
    description: result.operation?.description,
    params: result.operation?.params.map((p) => p.name),
    response: result.operation?.response,
    structures: Object.fromEntries(result.structures.map((s) => [s.name, s.fields.map((f) => f.name)])),
  };
}

const WHOLE = {
  summary: 'Kick',
  description: 'Kick users.',
  params: ['p1'],
  response: 'IsSuccessRespDto',
  structures: { OptDto: ['level'], IsSuccessRespDto: ['ok'] },
};

describe('repairs of broken markup that decide what is read', () => {
  it('the well-formed page', () => {
    expect(read(`${HEAD}<table>${TH}<tbody>${row('p1')}</tbody></table>${RESPONSE}${STRUCTURE}`)).toEqual(WHOLE);
  });

  it('a cell outside a row gets its row', () => {
    const cells = row('p1').replace(/<\/?tr>/g, '');
    expect(read(`${HEAD}<table>${TH}<tbody>${cells}</tbody></table>${RESPONSE}${STRUCTURE}`)).toEqual(WHOLE);
  });

  it('a table left open: what is written in it outside cells goes before it, the next table closes it, the sections after are read', () => {
    // As a browser shows it: the heading and the Type line land above the open table, which
    // therefore reads as the response, and the response table as the parameters.
    expect(read(`${HEAD}<table>${TH}<tbody>${row('p1')}${RESPONSE}${STRUCTURE}`)).toEqual({
      ...WHOLE,
      params: ['ok'],
      structures: { OptDto: ['level'], IsSuccessRespDto: ['p1'] },
    });
  });

  it('a stray end tag in a cell: the rest of the row is not lost', () => {
    const broken = row('p1') + row('p2').replace('<td>d</td>', '<td>d</td></tr>');
    expect(read(`${HEAD}<table>${TH}<tbody>${broken}${row('p3')}</tbody></table>${RESPONSE}${STRUCTURE}`)).toEqual({ ...WHOLE, params: ['p1', 'p2', 'p3'] });
  });

  it('table rows and cells outside any table are dropped, not left open around the rest of the page', () => {
    const html = `${HEAD.replace('<p>Kick users.</p>', '<p>Kick <tr><td>users.</p>')}<table>${TH}<tbody>${row('p1')}</tbody></table>${RESPONSE}${STRUCTURE}`;
    expect(read(html)).toEqual(WHOLE);
  });

  it('an unknown element inside a table goes before it, and the rows after it stay in the table', () => {
    const html = `${HEAD}<table><thea-d>${TH}<tbody>${row('p1')}</tbody></table>${RESPONSE}${STRUCTURE}`;
    expect(read(html)).toEqual(WHOLE);
  });

  it('a heading left open is closed by the next heading', () => {
    expect(read(`${HEAD.replace('</h1>', '')}<table>${TH}<tbody>${row('p1')}</tbody></table>${RESPONSE}${STRUCTURE}`)).toEqual({
      ...WHOLE,
      // The h1 holds the paragraph written inside it, as in a browser.
      summary: 'KickKick users.',
      description: '',
    });
  });

  it('a start tag cut off by the end of the page builds nothing (as parse5 does): no empty row is read from it', () => {
    for (const cut of ['<td ', '<th ', '<td class="x']) {
      const html = `${HEAD}<table>${TH}<tbody>${row('p1')}${cut}`;
      const doc = pageDocument(`<table><tbody>${row('a')}${cut}`);
      expect(getElementsByTagName('tr', doc, true)).toHaveLength(1);
      const result = parsePage(textPage('management/kick-users.html', html));
      expect(result.operation?.params.map((p) => p.name)).toEqual(['p1']);
      expect(result.diagnostics.filter((d) => d.code === 'row.unreadable')).toEqual([]);
    }
  });

  it('the newline after <pre> is dropped; CR LF is read as LF', () => {
    const code = (document: ReturnType<typeof pageDocument>) => (document.children[0] as unknown as { children: { children: { data: string }[] }[] }).children[0].children[0].data;
    expect(code(pageDocument('<pre><code>\n{"a": 1}\n</code></pre>'))).toBe('\n{"a": 1}\n');
    expect((pageDocument('<pre>\n{"a": 1}\r\n</pre>').children[0] as unknown as { children: { data: string }[] }).children[0].data).toBe('{"a": 1}\n');
  });
});

describe('where htmlparser2 and parse5 still build different trees', () => {
  it('a table start tag inside a paragraph closes it (parse5, for a page without <!DOCTYPE>, nests the table in it): the text around it is read as two paragraphs', () => {
    const html = `${HEAD.replace('<p>Kick users.</p>', '<p>Kick <table> users.</p>')}<table>${TH}<tbody>${row('p1')}</tbody></table>${RESPONSE}${STRUCTURE}`;
    // parse5 read the description as "Kick  users.".
    expect(read(html)).toMatchObject({ ...WHOLE, description: 'Kick\n\nusers.' });
  });

  it('<noscript> content is markup, not text (parse5 with scripting on reads it as text, and <xmp> too): doc pages do not use them for content', () => {
    const html = `${HEAD.replace('Kick users.', 'Kick <noscript><b>no</b></noscript> users.')}<table>${TH}<tbody>${row('p1')}</tbody></table>${RESPONSE}${STRUCTURE}`;
    // parse5 read it as the text "Kick <b>no</b> users.".
    expect(read(html)).toEqual({ ...WHOLE, description: 'Kick no users.' });
  });
});

describe("a table's rows", () => {
  // Markup that puts rows where a search of the whole table finds them and a look at its
  // children and sections alone would not (or would find the wrong ones).
  const cases = [
    `<table>${TH}<tbody>${row('a')}${row('b')}</tbody></table>`,
    `<table><tr><td>a</td></tr><tbody><tr><td>b</td></tr></tbody><tfoot><tr><td>c</td></tr></tfoot></table>`,
    `<table><tbody><td>implied row</td><td>x</td></tbody></table>`,
    `<table><tbody>${row('a')}<tr><td><table><tr><td>inner</td></tr></table></td></tr>${row('b')}</tbody></table>`,
    `<table><caption><tr><td>row in a caption</td></tr></caption>${row('a')}</table>`,
    `<table><caption><tbody><tr><td>section in a caption</td></tr></tbody></caption>${row('a')}</table>`,
    `<table><tr><td><div><table><tbody><tr><td>deep</td></tr></tbody></table></div></td></tr></table>${row('after')}`,
    `<table><div>fostered</div><tr><td>a</td></tr><span><tr><td>b</td></tr></span></table>`,
    `<table><tr><td>a</td></tr><table><tr><td>next table</td></tr></table>`,
    `<table><tr><td>a<tr><td>b</table>`,
  ];

  it.each(cases)('are the rows a search of the whole table finds: %s', (html) => {
    const tables = getElementsByTagName('table', pageDocument(html), true);
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(tableRows(table)).toEqual(getElementsByTagName('tr', table, true));
  });

  it('are the rows a search finds in every table of the HTML fixtures', () => {
    const pages = (readdirSync(fixturesDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
    let tables = 0;
    for (const rel of pages) {
      for (const table of getElementsByTagName('table', pageDocument(readFileSync(path.join(fixturesDir, rel), 'utf8')), true)) {
        tables++;
        expect(tableRows(table), rel).toEqual(getElementsByTagName('tr', table, true));
      }
    }
    expect(tables).toBeGreaterThan(100);
  });

  it('are taken from its children and sections where they are all there', () => {
    const tables = getElementsByTagName('table', pageDocument(cases[3]), true);
    expect(tables.map(rowsAreChildren)).toEqual([false, true]);
  });

  it('of a table built otherwise are searched for', () => {
    const [table] = getElementsByTagName('table', parseDocument(`<table><caption><tr><td>a</td></tr></caption></table>`), true);
    expect(tableRows(table).length).toBe(1);
  });
});

describe("a page's content", () => {
  it('is what the parent of its first h1 holds, else of its first h2, whatever tag the page starts with', () => {
    const texts = (html: string) => pageBlocks(html).map((block) => ('text' in block ? block.text.trim() : block.kind));
    expect(texts('<h1>T</h1><p>x</p>')).toEqual(['T', 'x']);
    expect(texts('<p>chrome</p><div><h2>T</h2><p>x</p></div>')).toEqual(['T', 'x']);
    expect(texts('<p>chrome</p><div><h1>T</h1><p>x</p></div><h1>U</h1>')).toEqual(['T', 'x']);
  });
});

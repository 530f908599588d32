// The page DOM is built by htmlparser2 (generator/parse/dom.ts). parse5, which built it before,
// repairs broken markup as browsers do; where that repair decided what docsdk read, dom.ts
// repairs the same way. Each case below read the same with parse5 (checked against the
// parse5 build when the parser changed); the last ones show where the two still differ, and
// why it does not matter to a reader.
import { describe, expect, it } from 'vitest';
import { pageDocument } from '../../generator/parse/dom.js';
import { parsePage, type PageResult } from '../../generator/parse/page.js';
import { textPage } from '../helpers/pages.js';

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

import { describe, expect, it } from 'vitest';
import { parsePage } from '../../generator/parse/page.js';
import { rowsText, splitCells, splitPipeRows } from '../../generator/parse/spill.js';
import { fragment } from '../generalization/support/variants.js';
import { FLAVORS, parseFixture, textPage } from '../helpers/pages.js';

describe('splitPipeRows', () => {
  it('regroups rows broken across lines by the column count', () => {
    const text = '| a | string | 是 | `line 1\nline 2` | | b | number | 否 | `3` |\n| c | boolean | 否 |  |';
    expect(splitPipeRows(text, 4)).toEqual({
      rows: [
        ['a', 'string', '是', '`line 1\nline 2`'],
        ['b', 'number', '否', '`3`'],
        ['c', 'boolean', '否', ''],
      ],
      skipped: [],
    });
  });

  it('skips the header separator and reports text that is no row', () => {
    const text = '| --- | --- | --- |\n| x y | junk | here |';
    expect(splitPipeRows(text, 3)).toEqual({ rows: [], skipped: ['x y | junk | here'] });
  });
});

// create-pipeline-function: a multi-line example (`sourceCode`) ends the Markdown table
// early; the seven rows after it spill into a code block and a paragraph.
describe.each(FLAVORS)('a request table cut short by a multi-line example (%s)', (flavor) => {
  const { operation, diagnostics } = parseFixture('zh', flavor, 'management/管理-pipeline/create-pipeline-function');

  it('recovers every parameter with its type and required flag', () => {
    expect(operation!.params.map((p) => [p.name, p.type.kind === 'primitive' ? p.type.type : p.type.kind, p.required])).toEqual([
      ['sourceCode', 'string', true],
      ['scene', 'string', true],
      ['funcName', 'string', true],
      ['funcDescription', 'string', false],
      ['isAsynchronous', 'boolean', false],
      ['timeout', 'number', false],
      ['terminateOnTimeout', 'boolean', false],
      ['enabled', 'boolean', false],
    ]);
  });

  it('keeps the default, the enum and the rows in page order', () => {
    const byName = Object.fromEntries(operation!.params.map((p) => [p.name, p]));
    expect(byName.timeout.default).toBe(3);
    expect(byName.scene.enum).toEqual([
      'PRE_REGISTER',
      'POST_REGISTER',
      'PRE_AUTHENTICATION',
      'POST_AUTHENTICATION',
      'PRE_OIDC_ID_TOKEN_ISSUED',
      'PRE_OIDC_ACCESS_TOKEN_ISSUED',
      'PRE_COMPLETE_USER_INFO',
    ]);
    expect(operation!.params.map((p) => p.source.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(byName.sourceCode.example).toMatch(/^`?async function pipe\(user, context, callback\) \{/);
    expect(byName.sourceCode.example).toContain("return callback(new Error('系统维护中，暂时停止注册！'));");
  });

  it('notes the recovery and reports nothing as unreadable', () => {
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toContain('table.spilled');
  });
});

describe('splitCells', () => {
  it('keeps pipes inside a code span over several lines, and splits single-line spans as tables do', () => {
    expect(splitCells('| a | `x || y\nz` | `p|q` |')).toEqual(['', ' a ', ' `x || y\nz` ', ' `p', 'q` ', '']);
  });

  it('takes no span that would swallow the start of another row', () => {
    expect(splitCells('| a | `x |\n| b | y` |')).toEqual(['', ' a ', ' `x ', '\n', ' b ', ' y` ', '']);
  });
});

describe('rowsText', () => {
  it('joins the lines of a multi-line cell in a middle column back into their row', () => {
    const rendered = [
      ['a', 'string', '`{', ''],
      ['"k": 1', '', '', ''],
      ['}`', 'yes', '', ''],
      ['b', 'number', 'plain', 'no'],
    ];
    expect(splitPipeRows(rowsText(rendered, 4, ''), 4).rows).toEqual([
      ['a', 'string', '`{\n"k": 1\n}`', 'yes'],
      ['b', 'number', 'plain', 'no'],
    ]);
  });

  it('goes on with the last row from the text that spilled after the table', () => {
    const rendered = [['a', 'string', '是', '`line 1']];
    expect(splitPipeRows(rowsText(rendered, 4, 'line 2` |\n| b | number | 否 | `2` |'), 4).rows).toEqual([
      ['a', 'string', '是', '`line 1\nline 2`'],
      ['b', 'number', '否', '`2`'],
    ]);
  });
});

const PAGE = (table: string) => `# 获取分组

## 方法名称

\`ManagementClient.get_group\`

## 请求参数

${table}

## 请求响应

类型： \`GroupRespDto\`

| 名称 | 类型 | 描述 |
| ---- | ---- | ---- |
| statusCode | number | 业务状态码 |
`;
const HEADER = '| 名称 | 类型 | <div style="width:80px">是否必填</div> | <div style="width:60px">默认值</div> | <div style="width:300px">描述</div> | <div style="width:200px">示例值</div> |';
const ROWS = [
  '| code | string | 是 | - | 分组 code | `developer` |',
  '| options | object | 否 | - | 选项 | `{\n  "a": 1,\n\n    "b": [1, 2]\n}` |',
  '| limit | number | 否 | 10 | 每页数目，默认为 `10`：<br>- `10`: 十条 | `10` |',
];
const parseBoth = (text: string) => [parsePage(textPage('m/get-group.md', text)), parsePage(textPage('m/get-group.html', fragment(text)))];
const paramFacts = (r: ReturnType<typeof parsePage>) => r.operation!.params.map((p) => [p.source.row, p.name, p.required, p.default ?? null, p.example ?? null]);
const EXPECTED = [
  [1, 'code', true, null, 'developer'],
  [2, 'options', false, null, '{\n"a": 1,\n"b": [1, 2]\n}'],
  [3, 'limit', false, 10, '10'],
];

describe('a table cut in the middle by a sample over several lines (a blank line and an indented one in it)', () => {
  it.each(parseBoth(PAGE([HEADER, '| ---- | ---- | ---- | ---- | ---- | ---- |', ...ROWS].join('\n'))).map((r, i) => [i ? 'fragment' : 'markdown', r]))(
    'reads every row with its number and the value with its lines (%s)',
    (_flavor, result) => {
      expect(paramFacts(result)).toEqual(EXPECTED);
      expect(result.operation!.params[2].enum).toEqual(['10']);
      expect(result.structures.map((s) => [s.name, s.fields.map((f) => f.name)])).toEqual([['GroupRespDto', ['statusCode']]]);
      expect(result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.section}: ${d.message}`)).toEqual([
        'info table.spilled params: rows 2-3 read back from a multi-line cell that broke the table (3 rows in all)',
      ]);
    },
  );
});

describe('a delimiter row with fewer or more cells than the header', () => {
  it.each([
    ['fewer', '| ---- | ---- | ---- | ---- | ---- |', 5],
    ['more', '| ---- | ---- | ---- | ---- | ---- | ---- | ---- |', 7],
  ] as const)('%s: read by the header, with a note, in both flavors', (_case, delimiter, cells) => {
    for (const result of parseBoth(PAGE([HEADER, delimiter, ...ROWS].join('\n')))) {
      expect(paramFacts(result)).toEqual(EXPECTED);
      expect(result.diagnostics.filter((d) => d.code === 'table.delimiter').map((d) => `${d.severity} ${d.section}: ${d.message}`)).toEqual([
        `info params: its delimiter row has ${cells} cells for 6 header cells, so Markdown shows it as text; read by its header`,
      ]);
    }
  });
});

describe('pipe text that is no table header', () => {
  it('is never taken for one: reported, not read as a second parameter table', () => {
    const text = PAGE([HEADER, '| ---- | ---- | ---- | ---- | ---- | ---- |', ROWS[0], '', '## 备注', '', ROWS[2]].join('\n'));
    for (const result of parseBoth(text)) {
      expect(result.operation!.params.map((p) => p.name)).toEqual(['code']);
      expect(result.diagnostics.map((d) => `${d.code} ${d.section}: ${d.message}`)).toEqual([
        'table.unreadable params: table rows with no table header ("| limit | number | 否 | 10 | 每页数目，默认为 `10`：<br>- `10`: 十条 | `10` |"); skipped',
      ]);
    }
  });
});

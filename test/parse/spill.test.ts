import { describe, expect, it } from 'vitest';
import { splitPipeRows } from '../../generator/parse/spill.js';
import { FLAVORS, parseFixture } from '../helpers/pages.js';

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

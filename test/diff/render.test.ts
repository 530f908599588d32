import { describe, expect, it } from 'vitest';
import type { ApiDiff } from '../../generator/diff/changes.js';
import { diffToJson, diffToMarkdown } from '../../generator/diff/render.js';

const source = { file: 'management/x/get-user.md', section: 'params', row: 2 };
const diff: ApiDiff = {
  bump: 'major',
  changes: [
    { level: 'breaking', code: 'param.removed', location: 'ManagementClient.getUser(userId)', message: 'parameter removed', source },
    { level: 'docs', code: 'operation.summary-changed', location: 'ManagementClient.getUser', message: 'summary changed', source },
  ],
};

describe('diffToMarkdown', () => {
  it('groups changes by level under CHANGELOG headings, omitting empty ones', () => {
    expect(diffToMarkdown(diff)).toBe(
      [
        'Semver bump: **major**',
        '',
        '### Breaking changes',
        '',
        '- `ManagementClient.getUser(userId)`: parameter removed',
        '',
        '### Documentation',
        '',
        '- `ManagementClient.getUser`: summary changed',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed', () => {
    expect(diffToMarkdown({ bump: 'none', changes: [] })).toBe('No changes to the public API.\n');
  });
});

describe('diffToJson', () => {
  it('gives the bump, counts per level and every change with its source', () => {
    expect(JSON.parse(diffToJson(diff))).toEqual({ bump: 'major', counts: { breaking: 1, feature: 0, docs: 1 }, changes: diff.changes });
  });
});

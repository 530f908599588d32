// `docsdk diff` on real page pairs: a copy of corpus pages against the same copy with one
// documented change, through the same loading path the command uses for folders of pages.
import { describe, expect, it } from 'vitest';
import { diffModels } from '../../generator/diff/changes.js';
import { loadSide } from '../../generator/diff/load-side.js';
import { copyPages, editPage, EDITS, GET_USER_ROLES } from '../support/workflow-pages.js';

async function diffAfter(edit: { from: string; to: string }) {
  const before = await copyPages();
  const after = await copyPages();
  await editPage(after, GET_USER_ROLES, edit.from, edit.to);
  const { bump, changes } = diffModels(await loadSide(before), await loadSide(after));
  return { bump, changes: changes.map((c) => `${c.level} ${c.code} ${c.location}`) };
}

describe('diff of real page pairs', () => {
  it('a removed parameter is breaking: major', async () => {
    expect(await diffAfter(EDITS.removeParameter)).toEqual({
      bump: 'major',
      changes: ['breaking param.removed ManagementClient.getUserRoles(namespace)'],
    });
  });

  it('an optional parameter made required is breaking: major', async () => {
    expect(await diffAfter(EDITS.makeOptionalRequired)).toEqual({
      bump: 'major',
      changes: ['breaking param.became-required ManagementClient.getUserRoles(namespace)'],
    });
  });

  it('an added enum value is a feature: minor (the description listing it changes too)', async () => {
    expect(await diffAfter(EDITS.addEnumValue)).toEqual({
      bump: 'minor',
      changes: [
        'feature param.enum-value-added ManagementClient.getUserRoles(userIdType)',
        'docs param.description-changed ManagementClient.getUserRoles(userIdType)',
      ],
    });
  });

  it('a changed description is docs only: patch', async () => {
    expect(await diffAfter(EDITS.changeDescription)).toEqual({
      bump: 'patch',
      changes: ['docs param.description-changed ManagementClient.getUserRoles(namespace)'],
    });
  });

  it('unchanged pages: no change, no bump', async () => {
    const pages = await copyPages();
    expect(diffModels(await loadSide(pages), await loadSide(await copyPages()))).toEqual({ bump: 'none', changes: [] });
  });

  it('classifies the same edit on the VitePress site page (HTML) as on its Markdown source', async () => {
    const before = await copyPages('vitepress');
    const after = await copyPages('vitepress');
    await editPage(after, 'management/管理用户/get-user-roles.html', '<tr><td>namespace</td><td>string</td><td>否</td>', '<tr><td>namespace</td><td>string</td><td>是</td>');
    const { bump, changes } = diffModels(await loadSide(before), await loadSide(after));
    expect({ bump, changes: changes.map((c) => `${c.level} ${c.code} ${c.location}`) }).toEqual({
      bump: 'major',
      changes: ['breaking param.became-required ManagementClient.getUserRoles(namespace)'],
    });
  });
});

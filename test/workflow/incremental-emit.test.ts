// The incremental emitter through the real CLI: a run after an edit renders only the files
// whose views changed, takes the rest from the previous output (hard links), and lets the
// previous type and load checks stand only where the compiler reads the same but for comments.
// Whatever it reuses, its output must be the clean run's, byte for byte.
import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../generator/workflow/output-files.js';
import { editPage, EDITS, generate, GET_USER_ROLES, project } from '../support/workflow-pages.js';
import { repoRoot } from '../helpers/cli.js';

/** The fixture SDK: 2 clients, 16 structures, index, runtime, package.json, tsconfig.json and README. */
const RENDERED_FILES = 23;

/** The JSON report of a generate run in `dir`. */
function report(dir: string, ...flags: string[]) {
  const r = generate(dir, '--reporter', 'json', ...flags);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** The project's output equals that of a clean run (no cache, a new folder) on the same pages, byte for byte. */
async function expectCleanOutput(dir: string, ...flags: string[]): Promise<void> {
  const clean = await project();
  await cp(join(dir, 'pages'), join(clean, 'pages'), { recursive: true, force: true });
  expect(generate(clean, '--no-cache', ...flags).code).toBe(0);
  const [ours, theirs] = [await readFolder(join(dir, 'sdk')), await readFolder(join(clean, 'sdk'))];
  expect([...ours.keys()]).toEqual([...theirs.keys()]);
  for (const [path, bytes] of ours) expect(bytes.equals(theirs.get(path)!), path).toBe(true);
}

describe('incremental emit', () => {
  it('renders everything and runs both checks on a first run', async () => {
    const dir = await project();
    expect(report(dir).emitted).toEqual({ rendered: RENDERED_FILES, reused: 0, checks: 'ran' });
  });

  it('after a description edit renders only the client file that shows it; the checks stand', async () => {
    const dir = await project();
    report(dir);
    const before = await stat(join(dir, 'sdk/src/AuthenticationClient.ts'));
    await editPage(join(dir, 'pages'), GET_USER_ROLES, EDITS.changeDescription.from, EDITS.changeDescription.to);
    const r = report(dir);
    expect(r.emitted).toEqual({ rendered: 1, reused: RENDERED_FILES - 1, checks: 'stood' });
    expect(r.files).toEqual([
      { path: 'docsdk-model.json', change: 'modified' },
      { path: 'openapi.json', change: 'modified' },
      { path: 'src/ManagementClient.ts', change: 'modified' },
    ]);
    // A reused file is the previous output's file, linked: the same inode.
    expect((await stat(join(dir, 'sdk/src/AuthenticationClient.ts'))).ino).toBe(before.ino);
    await expectCleanOutput(dir);
  });

  it.each([
    ['a parameter removed', EDITS.removeParameter],
    ['a parameter made required', EDITS.makeOptionalRequired],
    ['an enum value added', EDITS.addEnumValue],
  ])('after %s (a type change) runs both checks again', async (_, edit) => {
    const dir = await project();
    report(dir);
    await editPage(join(dir, 'pages'), GET_USER_ROLES, edit.from, edit.to);
    const r = report(dir, '--allow-shrink');
    expect(r.emitted.checks).toBe('ran');
    expect(r.emitted.rendered).toBeLessThan(RENDERED_FILES);
    await expectCleanOutput(dir);
  });

  it('escapes in the documents an invisible character an edit brings, and diffs as a run that reads the previous model whole', async () => {
    const dir = await project();
    report(dir);
    await editPage(join(dir, 'pages'), GET_USER_ROLES, EDITS.changeDescription.from, EDITS.changeDescription.to.replace('权限分组', '权限\u200b\u202e分组'));
    // The same pages and output, without the cache: the previous model is read whole, every byte looked at.
    const whole = await project();
    await cp(join(dir, 'pages'), join(whole, 'pages'), { recursive: true, force: true });
    await cp(join(dir, 'sdk'), join(whole, 'sdk'), { recursive: true });
    const [r, w] = [report(dir), report(whole, '--no-cache')];
    expect(r.api.changes.length).toBeGreaterThan(0);
    expect(r.api).toEqual(w.api);
    for (const file of ['openapi.json', 'docsdk-model.json']) expect(await readFile(join(dir, 'sdk', file), 'utf8')).toContain('\\u200b\\u202e');
    await expectCleanOutput(dir);
  });

  it('reuses nothing of an output folder edited by hand, and puts the file back', async () => {
    const dir = await project();
    report(dir);
    const file = join(dir, 'sdk/src/ManagementClient.ts');
    const text = await readFile(file, 'utf8');
    // Same size, other bytes: only the content tells.
    await writeFile(file, text.replace('getUserRoles(', 'getUserRolez('));
    await editPage(join(dir, 'pages'), GET_USER_ROLES, EDITS.changeDescription.from, EDITS.changeDescription.to);
    expect(report(dir).emitted).toEqual({ rendered: RENDERED_FILES, reused: 0, checks: 'ran' });
    await expectCleanOutput(dir);
  });

  it('reads every page again under a forced profile, the unchanged ones too (not read by the run before)', async () => {
    const dir = await project();
    report(dir);
    await editPage(join(dir, 'pages'), GET_USER_ROLES, EDITS.changeDescription.from, EDITS.changeDescription.to);
    report(dir);
    expect(report(dir, '--profile', 'genauth')).toMatchObject({ pages: 5, parsed: 5, outcome: 'written' });
    await expectCleanOutput(dir, '--profile', 'genauth');
  });

  it('renders everything again when a template changes', async () => {
    const dir = await project();
    const templates = join(dir, 'templates');
    await mkdir(templates);
    const partial = await readFile(join(repoRoot, 'templates/_header.hbs'), 'utf8');
    await writeFile(join(templates, '_header.hbs'), partial);
    report(dir, '--templates', 'templates');
    await writeFile(join(templates, '_header.hbs'), `// Edited header.\n${partial}`);
    expect(report(dir, '--templates', 'templates').emitted).toEqual({ rendered: RENDERED_FILES, reused: 0, checks: 'ran' });
    await expectCleanOutput(dir, '--templates', join(templates));
  });
});

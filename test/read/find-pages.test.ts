// A folder input's pages are found by docsdk's own walk, without loading tinyglobby: it must
// find exactly what tinyglobby finds for the page pattern, and hand every tree it cannot
// judge alike (symbolic links) to tinyglobby. A string with no glob character must be no glob
// to tinyglobby either, since such an input never reaches it.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPages, folderPages } from '../../generator/read/inputs.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docsdk-find-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const tinyglobbyPages = async (root: string) => (await glob('**/*.{html,htm,md,markdown}', { cwd: root, absolute: true, onlyFiles: true })).sort();

/** Makes `files` (relative paths; a trailing `/` makes a folder) under `root`. */
async function tree(root: string, files: string[]): Promise<void> {
  for (const file of files) {
    if (file.endsWith('/')) await mkdir(join(root, file), { recursive: true });
    else {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), 'x');
    }
  }
}

const HARD_TREE = [
  'a.html',
  'b.htm',
  'c.md',
  'd.markdown',
  'e.HTML',
  'f.Md',
  'g.txt',
  'h.md.txt',
  'i.txt.md',
  '.hidden.md',
  '.html',
  'x.html.',
  'with space.md',
  'ümlaut-中文.md',
  'new\nline.md',
  'star*.md',
  '[brackets].md',
  '{brace}.md',
  '!bang.md',
  'folder.html/inside.md',
  'empty/',
  'deep/er/and/deeper/page.md',
  '.git/objects/page.md',
  'group/.cache/page.html',
  'group/page.html',
  'group/.page.html',
  '_underscore/page.md',
];

describe('folder inputs', () => {
  it('the walk finds exactly what tinyglobby finds: case, dots, nesting, odd names', async () => {
    await tree(dir, HARD_TREE);
    const walked = folderPages(dir)?.sort();
    expect(walked).toEqual(await tinyglobbyPages(dir));
    // The control: the tree does hold pages the pattern leaves out.
    expect(walked?.map((abs) => abs.slice(dir.length + 1))).toEqual([
      '!bang.md',
      '[brackets].md',
      '_underscore/page.md',
      'a.html',
      'b.htm',
      'c.md',
      'd.markdown',
      'deep/er/and/deeper/page.md',
      'folder.html/inside.md',
      'group/page.html',
      'i.txt.md',
      'new\nline.md',
      'star*.md',
      'with space.md',
      '{brace}.md',
      'ümlaut-中文.md',
    ]);
  });

  it('a tree with a symbolic link is left to tinyglobby, and findPages finds what it finds', async () => {
    await tree(dir, ['pages/a.md', 'elsewhere/b.md', 'elsewhere/c.html']);
    await symlink(join(dir, 'elsewhere'), join(dir, 'pages/linked'));
    await symlink(join(dir, 'elsewhere/b.md'), join(dir, 'pages/b-link.md'));
    expect(folderPages(join(dir, 'pages'))).toBeUndefined();
    const found = await findPages([join(dir, 'pages')]);
    expect(found.pages.map((page) => page.abs).sort()).toEqual(await tinyglobbyPages(join(dir, 'pages')));
    expect(found.pages.length).toBeGreaterThan(1);
  });

  it('a string without a glob character is no glob to tinyglobby', () => {
    // Every printable ASCII character but those, and a few others, alone and in seeded strings.
    const plain = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), 'ü', '中', '\t']
      .filter((c) => !/[*?[\]{}()!+@\\]/.test(c));
    let seed = 16;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const strings = [...plain, ...Array.from({ length: 3000 }, () => Array.from({ length: 1 + (next() % 12) }, () => plain[next() % plain.length]).join(''))];
    expect(strings.filter((s) => isDynamicPattern(s))).toEqual([]);
    // The control: each glob character makes some string a glob.
    expect(['*', '?', '[a]', '{a,b}', '(a)', '!a', '+(a)', '@(a)'].every((s) => isDynamicPattern(s))).toBe(true);
  });
});

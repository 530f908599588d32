// Copies of the workflow fixture pages in a temp folder, and exact edits of them: the
// "docs changed" half of every page-pair test.
import { cp, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

export const workflowFixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/workflow');

/** A fresh temp folder holding a copy of `fixtures/workflow/<flavor>`, returned as its path. */
export async function copyPages(flavor: 'markdown' | 'vitepress' = 'markdown'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `docsdk-pages-`));
  await cp(join(workflowFixtures, flavor), dir, { recursive: true });
  return dir;
}

/** A project folder: `pages/` (copies of the fixture pages), output to `sdk/`, cache under its node_modules. */
export async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'docsdk-project-'));
  await rename(await copyPages(), join(dir, 'pages'));
  return dir;
}

/** `docsdk generate pages --out sdk` in a project folder. */
export const generate = (dir: string, ...flags: string[]) => runCli(['generate', 'pages', '--out', 'sdk', ...flags], dir);

/** Replaces the one occurrence of `from` in a page; fails loudly if the page does not have it exactly once. */
export async function editPage(dir: string, rel: string, from: string, to: string): Promise<void> {
  const file = join(dir, rel);
  const text = await readFile(file, 'utf8');
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`${rel}: expected exactly one ${JSON.stringify(from)}`);
  await writeFile(file, text.slice(0, at) + to + text.slice(at + from.length));
}

export const GET_USER_ROLES = 'management/管理用户/get-user-roles.md';

/** Exact edits of get-user-roles.md, one per kind of change the diff must classify. */
export const EDITS = {
  removeParameter: {
    from: ' | namespace | string  | 否 | - | 所属权限分组(权限空间)的 Code  | `default` |\n',
    to: '',
  },
  makeOptionalRequired: {
    from: ' | namespace | string  | 否 |',
    to: ' | namespace | string  | 是 |',
  },
  addEnumValue: {
    from: '示例值：`lark:ou_8bae746eac07cd2564654140d2a9ac61`。<br>  |',
    to: '示例值：`lark:ou_8bae746eac07cd2564654140d2a9ac61`。<br>- `open_id`: 用户的 OpenID<br>  |',
  },
  changeDescription: {
    from: '| namespace | string  | 否 | - | 所属权限分组(权限空间)的 Code  |',
    to: '| namespace | string  | 否 | - | 权限分组（权限空间）的 Code  |',
  },
} as const;

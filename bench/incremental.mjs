// The incremental case: generate again after one page changed, with the cache the run before
// left; and once more with nothing changed (the fast path).
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureNode } from './measure.mjs';
import { docsdkGenerate } from './tools.mjs';

/** The page with its summary (the h1, or a Markdown `# ` line) changed: the model and the SDK change with it. */
export function editedPage(text, edit) {
  const html = text.replace(/<\/h1>/i, ` (edit ${edit})</h1>`);
  if (html !== text) return html;
  const markdown = text.replace(/^# .*$/m, (line) => `${line} (edit ${edit})`);
  if (markdown !== text) return markdown;
  throw new Error('page has no h1 to edit');
}

function firstPage(folder) {
  const pages = readdirSync(folder, { recursive: true })
    .filter((file) => /\.(html?|md|markdown)$/i.test(file))
    .sort();
  if (!pages.length) throw new Error(`${folder}: no pages`);
  return pages[0];
}

/** `runs` measured runs of each case, on a copy of `pagesDir` inside `workDir`. */
export async function incrementalRuns(pagesDir, runs, workDir) {
  const pages = join(workDir, 'pages');
  cpSync(pagesDir, pages, { recursive: true });
  const out = join(workDir, 'sdk');
  const generate = () => measureNode(docsdkGenerate(pages, out), { cwd: workDir });
  await generate(); // the run before: fills the cache
  const page = firstPage(pages);
  const original = readFileSync(join(pages, page), 'utf8');
  const changed = [];
  const unchanged = [];
  for (let edit = 1; edit <= runs; edit++) {
    writeFileSync(join(pages, page), editedPage(original, edit));
    changed.push(await generate());
    unchanged.push(await generate());
  }
  return { page, changed, unchanged };
}

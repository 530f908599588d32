// The incremental case (run.mjs): generate again after one page changed, with the cache and
// output the run before left.

/** The page with its summary (the h1, or a Markdown `# ` line) changed: the model and the SDK change with it. */
export function editedPage(text, edit) {
  const html = text.replace(/<\/h1>/i, ` (edit ${edit})</h1>`);
  if (html !== text) return html;
  const markdown = text.replace(/^# .*$/m, (line) => `${line} (edit ${edit})`);
  if (markdown !== text) return markdown;
  throw new Error('page has no h1 to edit');
}

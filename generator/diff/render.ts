// Renders an API diff for people (Markdown, ready to paste into a CHANGELOG) and machines (JSON).
import type { ApiDiff, ChangeLevel } from './changes.js';

const SECTIONS: [ChangeLevel, string][] = [
  ['breaking', 'Breaking changes'],
  ['feature', 'Features'],
  ['docs', 'Documentation'],
];

export function diffToMarkdown(diff: ApiDiff): string {
  if (!diff.changes.length) return 'No changes to the public API.\n';
  const parts = [`Semver bump: **${diff.bump}**`];
  for (const [level, title] of SECTIONS) {
    const lines = diff.changes.filter((c) => c.level === level).map((c) => `- \`${c.location}\`: ${c.message}`);
    if (lines.length) parts.push(`### ${title}\n\n${lines.join('\n')}`);
  }
  return parts.join('\n\n') + '\n';
}

export function diffToJson(diff: ApiDiff): string {
  const counts = Object.fromEntries(SECTIONS.map(([level]) => [level, diff.changes.filter((c) => c.level === level).length]));
  return JSON.stringify({ bump: diff.bump, counts, changes: diff.changes }, null, 2) + '\n';
}

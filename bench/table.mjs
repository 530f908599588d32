// Markdown tables for the bench's reports.

export function markdownTable(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
export const megabytes = (mb) => `${Math.round(mb)} MB`;
export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

import type { Element } from 'domhandler';
import { getElementsByTagName } from 'domutils';
import { ROW_GROUP, rowsAreChildren } from './dom.js';
import { inlineText, plainText } from './inline-text.js';

export type ColumnRole = 'name' | 'type' | 'required' | 'default' | 'description' | 'example';

export interface TableRows {
  header: string[];
  /** Data rows as cell texts (inline-text form); `rowNumber` is 1-based in page order. */
  rows: { cells: string[]; rowNumber: number }[];
}

/** A rendered table as it stands: one row per `<tr>` (spill.ts re-joins rows a multi-line cell broke). */
export function readTable(table: Element): TableRows {
  const trs = tableRows(table);
  const headerRow = trs.find((tr) => tr.children.some((c) => c.type === 'tag' && (c as Element).name === 'th'));
  const header = headerRow ? cellTexts(headerRow, (c) => plainText(c).replace(/\s+/g, ' ').trim()) : [];
  const rows: TableRows['rows'] = [];
  for (const tr of trs) if (tr !== headerRow) rows.push({ cells: cellTexts(tr, (td) => inlineText(td.children)), rowNumber: rows.length + 1 });
  return { header, rows };
}

/** The table's rows (`tr`) at any depth, in document order; where they are all its own (rowsAreChildren), without searching its cells. */
export function tableRows(table: Element): Element[] {
  if (!rowsAreChildren(table)) return getElementsByTagName('tr', table, true);
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.type !== 'tag') continue;
    const el = child as Element;
    if (el.name === 'tr') rows.push(el);
    else if (ROW_GROUP.has(el.name)) for (const row of el.children) if (row.type === 'tag' && (row as Element).name === 'tr') rows.push(row as Element);
  }
  return rows;
}

/**
 * The texts of a row's cells, pushed one by one: Array#map, once optimized, returns holey
 * arrays where it returned packed ones before, and the cell readers were then deoptimized
 * for the new array shape.
 */
function cellTexts(tr: Element, text: (cell: Element) => string): string[] {
  const texts: string[] = [];
  for (const c of tr.children) if (c.type === 'tag' && ((c as Element).name === 'td' || (c as Element).name === 'th')) texts.push(text(c as Element));
  return texts;
}

const ROLE_WORDS: [ColumnRole, RegExp][] = [
  ['required', /必填|必须|必需|必选|required|mandatory/i],
  ['default', /默认|default/i],
  ['example', /示例|样例|例子|example|sample/i],
  ['description', /描述|说明|备注|description|desc|comment|meaning/i],
  ['type', /类型|type/i],
  ['name', /名称|名字|参数|字段|name|field|param/i],
];

// The column orders the docs use, by column count: the fallback for headers in words
// docsdk does not know.
const LAYOUTS: Record<number, ColumnRole[]> = {
  3: ['name', 'type', 'description'],
  4: ['name', 'type', 'required', 'description'],
  5: ['name', 'type', 'required', 'description', 'example'],
  6: ['name', 'type', 'required', 'default', 'description', 'example'],
};

/** Whether a line of pipe text is a table header by its words (a name and a type column), not a data row. */
export function isHeaderRow(cells: string[]): boolean {
  const roles = new Set(cells.map((text) => ROLE_WORDS.find(([, re]) => re.test(text))?.[0]));
  return roles.has('name') && roles.has('type');
}

/** Column index of each role: by the header's words, else by the usual layout for its width. */
export function columnRoles(header: string[]): Partial<Record<ColumnRole, number>> {
  const roles: Partial<Record<ColumnRole, number>> = {};
  header.forEach((text, i) => {
    const role = ROLE_WORDS.find(([r, re]) => re.test(text) && roles[r] === undefined)?.[0];
    if (role) roles[role] = i;
  });
  const layout = LAYOUTS[header.length];
  if (layout) {
    layout.forEach((role, i) => {
      const taken = Object.values(roles).includes(i);
      if (roles[role] === undefined && !taken) roles[role] = i;
    });
  }
  return roles;
}

// Pages far beyond real ones (which are under 110 KB, 60 rows, 20 levels deep), built from
// a real corpus page so every row is one the parser reads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusDir } from '../../helpers/pages.js';

const BASE = readFileSync(path.join(corpusDir, 'zh/markdown/management/管理用户/kick-users.md'), 'utf8');
const PARAM_ROW = '| userId | string | 是 | - | 用户 ID  |  |';

/** kick-users.md with `rows` parameter rows `p1` … `pN` in place of its own. */
export function pageWithRows(rows: number): string {
  const table = Array.from({ length: rows }, (_, i) => PARAM_ROW.replace('userId', `p${i + 1}`)).join('\n');
  const start = BASE.indexOf('| appIds');
  const end = BASE.indexOf('\n\n', start);
  return BASE.slice(0, start) + table + BASE.slice(end);
}

/** The smallest pageWithRows page of at least `bytes` bytes. */
export function pageOfSize(bytes: number): string {
  const rowBytes = Buffer.byteLength(PARAM_ROW) + 1;
  return pageWithRows(Math.ceil(bytes / rowBytes));
}

/** kick-users.md wrapped in `depth` levels of `open`/`close` markup. */
export function pageNested(depth: number, open: string, close = ''): string {
  return open.repeat(depth) + '\n\n' + BASE + '\n\n' + close.repeat(depth);
}

// A synthetic corpus of any size, made of copies of real pages in which every operation,
// structure and page file name gets a copy number, so that all pages stay distinct: copy k
// of get-user-groups.html becomes get-user-groups-v<k>.html, its method
// ManagementClient.get_user_groups_v<k>, its structures GroupPagingDtoV<k> and so on.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PAGE = /\.(html?|md|markdown)$/i;
const METHOD = /\b((?:Management|Authentication)Client)\.([A-Za-z_$][\w$]*)/g;
const escape = (name) => name.replace(/[$]/g, '\\$&');

/** A function renaming one page's text for copy `k`, given the structure names of the corpus. */
export function renamer(structureNames) {
  // Longest first, so no name is replaced inside a longer one that starts the same.
  const names = [...structureNames].sort((a, b) => b.length - a.length).map(escape);
  const exact = names.length ? new RegExp(`(?<![\\w$])(${names.join('|')})(?![\\w$])`, 'g') : undefined;
  // Site builds lower-case heading ids and the links to them.
  const anchored = names.length ? new RegExp(`(id="|#)(${names.map((n) => n.toLowerCase()).join('|')})(?=["')])`, 'g') : undefined;
  return (text, k) => {
    let out = text.replace(METHOD, (_, client, method) => `${client}.${method}_v${k}`);
    if (exact) out = out.replace(exact, (name) => `${name}V${k}`);
    if (anchored) out = out.replace(anchored, (_, before, id) => `${before}${id}v${k}`);
    return out;
  };
}

/** Pages of `folder`, relative, sorted. */
export function pagesOf(folder) {
  return readdirSync(folder, { recursive: true })
    .filter((file) => PAGE.test(file))
    .sort();
}

/**
 * Writes `count` pages into `target`: the source pages as they are, then renamed copies
 * (copy 1, 2, …) until there are enough. `structureNames` are those of the source pages.
 */
export function writeSyntheticCorpus({ source, target, count, structureNames }) {
  const pages = pagesOf(source);
  const texts = pages.map((page) => readFileSync(join(source, page), 'utf8'));
  const rename = renamer(structureNames);
  for (let n = 0; n < count; n++) {
    const k = Math.floor(n / pages.length);
    const i = n % pages.length;
    const file = k === 0 ? pages[i] : pages[i].replace(PAGE, (ext) => `-v${k}${ext}`);
    mkdirSync(dirname(join(target, file)), { recursive: true });
    writeFileSync(join(target, file), k === 0 ? texts[i] : rename(texts[i], k));
  }
}

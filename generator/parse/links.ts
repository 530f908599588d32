// In-page links to data structures, in both published forms: a real link
// (`<a href="#UserDto">UserDto</a>`, `[]` after the name for arrays) and the mangled
// literal text one public site shows instead (`<a UserDto`, `<a UserDto[]`).

export interface StructureLink {
  name: string;
  isArray: boolean;
  /** True when the link points nowhere usable (`#undefined`, an empty target). */
  broken: boolean;
}

const LINK = /<a href="#([^"]*)">(.*?)<\/a>|<a ([A-Za-z_$][\w$]*)(\[\])?/g;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Whether text can be a structure name as the docs write them (an identifier). */
export function isStructureName(text: string): boolean {
  return IDENTIFIER.test(text);
}

/** Every link starts so: text without it (most cells) is not searched. */
const LINK_START = '<a ';

export function findLinks(text: string): StructureLink[] {
  const links: StructureLink[] = [];
  if (!text.includes(LINK_START)) return links;
  for (const m of text.matchAll(LINK)) {
    if (m[3] !== undefined) {
      links.push({ name: m[3], isArray: m[4] !== undefined, broken: false });
      continue;
    }
    const label = m[2].replace(/`/g, '').trim();
    const isArray = label.endsWith('[]');
    const labelName = label.replace(/\[\]$/, '').trim();
    const target = decodedTarget(m[1]);
    // The label is what readers see; the target is only a fallback when the label is no name.
    const name = isStructureName(labelName) && labelName !== 'undefined' ? labelName : isStructureName(target) && target !== 'undefined' ? target : '';
    links.push({ name, isArray, broken: name === '' || target === 'undefined' || target === '' });
  }
  return links;
}

/** A link target with its percent escapes decoded; one that is no valid escape (`#%zz`) stays as written. */
function decodedTarget(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/** Replaces links by their visible names, as a reader sees them. */
export function unlink(text: string): string {
  if (!text.includes(LINK_START)) return text;
  return text.replace(LINK, (_all, _href: string, label: string | undefined, mangled: string | undefined, brackets: string | undefined) =>
    mangled !== undefined ? mangled + (brackets ?? '') : (label ?? ''),
  );
}

// Method and client names as the pages write them (`ManagementClient.get_user_groups`, in
// snake, camel or Pascal case) and as docsdk emits them (`getUserGroups`).

const METHOD_LINE = /^`?\s*([A-Za-z_$][\w$]*)\s*\.\s*([A-Za-z_$][\w$]*)\s*(?:\(\))?\s*`?$/;

export function readMethodLine(text: string): { client: string; rawName: string } | undefined {
  const m = METHOD_LINE.exec(text.trim());
  return m ? { client: m[1], rawName: m[2] } : undefined;
}

/** `get_user_groups`, `GetUserGroups`, `get-user-groups` → `getUserGroups`. */
export function camelCase(name: string): string {
  const parts = name.split(/[_\-\s.]+/).filter(Boolean);
  if (parts.length === 0) return '';
  const [first, ...rest] = parts;
  const head = /^[A-Z0-9]+$/.test(first) ? first.toLowerCase() : first[0].toLowerCase() + first.slice(1);
  return head + rest.map((p) => p[0].toUpperCase() + p.slice(1)).join('');
}

/** `management` → `ManagementClient`: the client of a page that names none. */
export function clientFromFolder(folder: string): string {
  const camel = camelCase(folder.replace(/[^\w-]+/g, '-'));
  if (!camel) return 'Client';
  const pascal = camel[0].toUpperCase() + camel.slice(1);
  return /client$/i.test(pascal) ? pascal : `${pascal}Client`;
}

/** The file name without folders and extension: `a/b/get-user-groups.html` → `get-user-groups`. */
export function pageStem(rel: string): string {
  return rel.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
}

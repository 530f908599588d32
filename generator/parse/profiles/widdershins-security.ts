// Widdershins' `# Authentication` section and the per-operation asides that name the schemes
// an operation needs ("… one of the following methods: basket_token", `A & B, C`).
import type { SecurityScheme } from '../../model/types.js';

/**
 * The schemes the section lists. API keys are shown with their names; HTTP and OAuth2 schemes
 * are not (`- HTTP Authentication, scheme: bearer`), so they take the names the operations use
 * that no API key has, in order of first use.
 */
export function readAuthentication(text: string, usedNames: string[]): Record<string, SecurityScheme> {
  const schemes: Record<string, SecurityScheme> = Object.create(null);
  for (const m of text.matchAll(/API Key \(([^)\n]+)\)\s*-?\s*Parameter Name:\s*([^,\n]+?),\s*in:\s*(header|query|cookie)/gi)) {
    schemes[m[1].trim()] = { type: 'apiKey', in: m[3].toLowerCase() as 'header' | 'query' | 'cookie', name: m[2].replace(/\*/g, '').trim() };
  }
  const unnamed: SecurityScheme[] = [];
  for (const m of text.matchAll(/HTTP Authentication, scheme:\s*([\w-]+)|(oAuth2) authentication|(OpenID Connect)/gi)) {
    if (m[1]) unnamed.push({ type: 'http', scheme: m[1].toLowerCase() });
    else unnamed.push({ type: m[2] ? 'oauth2' : 'openIdConnect' });
  }
  const names = [...new Set(usedNames)].filter((n) => !(n in schemes));
  // A name that says its scheme (`bearerAuth`, `basic`) takes that one; the rest go in order.
  for (const name of [...names]) {
    const i = unnamed.findIndex((s) => s.type === 'http' && name.toLowerCase().includes(s.scheme));
    if (i >= 0) {
      schemes[name] = unnamed.splice(i, 1)[0];
      names.splice(names.indexOf(name), 1);
    }
  }
  names.forEach((name, i) => {
    if (unnamed[i]) schemes[name] = unnamed[i];
  });
  return schemes;
}

/** An aside: `[]` when the operation needs no authentication, else alternatives of scheme names. */
export function readSecurityAside(text: string): string[][] | undefined {
  if (/does not require authentication/i.test(text)) return [];
  const list = /following methods:\s*([\s\S]*)$/i.exec(text)?.[1];
  if (!list) return undefined;
  const names = list.replace(/\(\s*Scopes:[^)]*\)/g, '').trim();
  return names
    .split(',')
    .map((alt) => alt.split('&').map((n) => n.trim()).filter(Boolean))
    .filter((alt) => alt.length > 0);
}

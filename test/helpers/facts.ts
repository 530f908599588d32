import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Field, Model, TypeRef } from '../../generator/model/types.js';
import { fixturesDir } from './pages.js';

// The corpus facts (the truth the pages were made from), compared with a model on what the
// pages show: names, required-ness (where a column shows it), kinds, primitive types, refs.

interface FactField {
  name: string;
  required: boolean;
  kind: 'primitive' | 'array' | 'ref';
  type?: string;
  items?: string;
  ref?: string;
}
interface FactPage {
  method: string;
  response: string;
  params: FactField[];
  responseFields: FactField[];
  models: Record<string, FactField[]>;
}

export function readFacts(lang: 'zh' | 'en'): Record<string, FactPage> {
  return JSON.parse(readFileSync(path.join(fixturesDir, 'facts', `${lang}.json`), 'utf8'));
}

const sameNumber = (a?: string, b?: string) => a === b || (['number', 'integer'].includes(a ?? '') && ['number', 'integer'].includes(b ?? ''));

function typeMatches(truth: FactField, t: TypeRef): boolean {
  if (truth.kind === 'primitive' && ['any', 'unknown'].includes(truth.type ?? '')) return true;
  if (truth.kind === 'ref') return t.kind === 'ref' && t.ref === truth.ref;
  if (truth.kind === 'array') return t.kind === 'array' && (!truth.ref || (t.items.kind === 'ref' && t.items.ref === truth.ref) || (t.items.kind === 'primitive' && t.items.type === 'unknown'));
  return t.kind === 'primitive' && sameNumber(t.type, truth.type);
}

/** Every visible fact the model gets wrong, as `where: what` lines (empty when all match). */
export function visibleMisses(model: Model, facts: Record<string, FactPage>): string[] {
  const misses: string[] = [];
  const ops = new Map(model.clients.flatMap((c) => c.operations.map((o) => [o.source.file.replace(/\.(html|md)$/, ''), o] as const)));
  const check = (where: string, truth: FactField, got: Field | undefined, checkRequired: boolean) => {
    if (!got) return misses.push(`${where}: missing`);
    if (checkRequired && got.required !== truth.required) misses.push(`${where}: required ${got.required}`);
    if (!typeMatches(truth, got.type)) misses.push(`${where}: type ${JSON.stringify(got.type)}`);
  };
  for (const [page, truth] of Object.entries(facts)) {
    const op = ops.get(page);
    if (!op) {
      misses.push(`${page}: no operation`);
      continue;
    }
    // snake_case hides acronyms (`change_qr_code_status` → changeQrCodeStatus, the API says changeQRCodeStatus).
    if (op.name.toLowerCase() !== truth.method.toLowerCase()) misses.push(`${page}: method ${op.name}`);
    if (op.response !== truth.response) misses.push(`${page}: response ${op.response}`);
    for (const p of truth.params) check(`${page}#${p.name}`, p, op.params.find((x) => x.name === p.name), true);
    const response = model.structures[truth.response];
    for (const f of truth.responseFields) check(`${truth.response}.${f.name}`, { ...f, ref: f.kind === 'array' ? undefined : f.ref }, response?.fields.find((x) => x.name === f.name), false);
    for (const [name, fields] of Object.entries(truth.models)) {
      const s = model.structures[name];
      if (!s) misses.push(`${name}: no structure`);
      else for (const f of fields) check(`${name}.${f.name}`, f, s.fields.find((x) => x.name === f.name), true);
    }
  }
  return [...new Set(misses)];
}

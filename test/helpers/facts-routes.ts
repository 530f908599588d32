// The routes of the corpus facts (verb, path and a response body from the response fields),
// for the API server.
import type { ApiRoute } from './api-server.js';
import { readFacts } from './facts.js';

interface FactField {
  name: string;
  kind: 'primitive' | 'array' | 'ref';
  type?: string;
  items?: string;
  ref?: string;
  enum?: string[];
}

interface FactPageRoute {
  http: { verb: string; path: string };
  responseFields: FactField[];
  models: Record<string, FactField[]>;
}

/** A sample of a field's value: the last value of an enum (often one the page does not list), arrays of one item. */
function sample(f: FactField, models: Record<string, FactField[]>, depth: number): unknown {
  if (f.enum?.length) return f.enum[f.enum.length - 1];
  if (f.kind === 'ref') return f.ref && models[f.ref] && depth < 4 ? sampleObject(models[f.ref], models, depth + 1) : {};
  if (f.kind === 'array') {
    if (f.ref) return models[f.ref] && depth < 4 ? [sampleObject(models[f.ref], models, depth + 1)] : [];
    return [primitive(f.items ?? 'string')];
  }
  return primitive(f.type ?? 'string');
}

const primitive = (type: string): unknown => (type === 'number' || type === 'integer' ? 200 : type === 'boolean' ? true : type === 'object' ? {} : 'text');

function sampleObject(fields: FactField[], models: Record<string, FactField[]>, depth: number): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.name, sample(f, models, depth)]));
}

/** Every page's true route, answering with a sample of its response (statusCode 200). */
export function factRoutes(lang: 'zh' | 'en' = 'zh'): ApiRoute[] {
  const facts = readFacts(lang) as unknown as Record<string, FactPageRoute>;
  return Object.values(facts).map((page) => ({
    verb: page.http.verb,
    path: page.http.path,
    body: { ...sampleObject(page.responseFields, page.models, 0), statusCode: 200, message: 'ok' },
  }));
}

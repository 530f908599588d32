// Validates a parsed docsdk.config.json against the shipped JSON Schema and turns ajv's
// errors into diagnostics that name the offending key by its path (`operations.getUser.verbb`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as AjvModule from 'ajv';
import leven from 'leven';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../model/types.js';
import type { DocsdkConfig } from './types.js';
import { packageFactsDiagnostics } from './package-facts.js';
import { packageRoot } from './package-root.js';

const compiled = new Map<string, ValidateFunction>();

/**
 * The validator of a schema shipped at the package root (`docsdk.config.schema.json`, …),
 * loaded and compiled on first use (~0.06 s to load ajv, ~0.2 s to compile): runs without a
 * config file never need it. require, as ajv is CommonJS and this stays synchronous.
 */
export function schemaValidator<T>(schemaFileName: string): ValidateFunction<T> {
  let validate = compiled.get(schemaFileName);
  if (!validate) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof AjvModule;
    validate = new Ajv({ allErrors: true, verbose: true, strict: true }).compile(JSON.parse(readFileSync(join(packageRoot, schemaFileName), 'utf8')));
    compiled.set(schemaFileName, validate);
  }
  return validate as ValidateFunction<T>;
}

/** `inputs[0]`, `operations.getUserGroups.verb`, `fields["UserDto.email"].type`. */
export function keyPath(segments: string[]): string {
  return segments
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? (i ? `.${s}` : s) : `[${JSON.stringify(s)}]`))
    .join('');
}

function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function toDiagnostic(error: ErrorObject, file: string, codePrefix: string): Diagnostic | undefined {
  const at = pointerSegments(error.instancePath);
  const hint = (error.parentSchema as { description?: string } | undefined)?.description;
  const explain = (message = 'is invalid') =>
    error.keyword === 'enum'
      ? `must be one of ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`
      : error.keyword === 'pattern' && hint
        ? `must be ${hint}`
        : message;
  const diagnostic = (code: string, key: string, message: string): Diagnostic => ({
    severity: 'error',
    code: `${codePrefix}.${code}`,
    message,
    file,
    section: key,
  });

  // The key is the diagnostic's section: messages do not repeat it.
  if (error.keyword === 'additionalProperties') {
    const name = error.params.additionalProperty as string;
    const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const suggestion = closest(name, known);
    return diagnostic('unknown-key', keyPath([...at, name]), suggestion ? `unknown key; did you mean "${suggestion}"?` : 'unknown key');
  }
  // ajv reports a bad property name twice: the inner error (with propertyName) says why.
  if (error.keyword === 'propertyNames') return undefined;
  if (error.propertyName !== undefined) {
    const key = keyPath([...at, error.propertyName]);
    return diagnostic('invalid-key', key, `invalid key: ${explain(error.message)}`);
  }
  const key = keyPath(at);
  return diagnostic('invalid-value', key, key ? explain(error.message) : `the file ${explain(error.message)}`);
}

/** Diagnostics for every violation of the shipped schema `schemaFileName` by `data`; `value` is set when there are none. */
export function checkAgainstSchema<T>(schemaFileName: string, data: unknown, file: string, codePrefix: string): { value?: T; diagnostics: Diagnostic[] } {
  const validate = schemaValidator<T>(schemaFileName);
  if (validate(data)) return { value: data, diagnostics: [] };
  const diagnostics = (validate.errors ?? [])
    .map((e) => toDiagnostic(e, file, codePrefix))
    .filter((d): d is Diagnostic => d !== undefined);
  return { diagnostics };
}

/** The known key a typo most likely meant: within a third of its length in edits (at least 2), the nearest first. */
export function closest(name: string, known: string[]): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: { key: string; distance: number } | undefined;
  for (const key of known) {
    const distance = leven(name.toLowerCase(), key.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

/** Diagnostics for every schema violation of `data`, empty when it is a valid config. */
export function checkConfig(data: unknown, file: string): { config?: DocsdkConfig; diagnostics: Diagnostic[] } {
  const { value, diagnostics } = checkAgainstSchema<DocsdkConfig>('docsdk.config.schema.json', data, file, 'config');
  if (!value) return { diagnostics };
  const facts = packageFactsDiagnostics(value, file);
  return facts.length ? { diagnostics: facts } : { config: value, diagnostics };
}

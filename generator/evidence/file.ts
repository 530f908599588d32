// Reads, validates and writes docsdk.evidence.json. Written bytes are deterministic: keys
// sorted, lists in the plan's order, and a result seen again keeps the `when` it was first
// seen at, so a re-probe that learns nothing new leaves the file byte for byte as it was.
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkAgainstSchema } from '../config/validate.js';
import type { Diagnostic } from '../model/types.js';
import { conclude } from './resolve.js';
import { EVIDENCE_FILE_NAME, EVIDENCE_SCHEMA_FILE_NAME, type EvidenceFile, type OperationEvidence } from './types.js';

export const emptyEvidence = (): EvidenceFile => ({ evidenceVersion: 1, operations: {} });

export interface LoadedEvidence {
  evidence: EvidenceFile;
  /** Errors mean the file was not used (`evidence` is then empty). */
  diagnostics: Diagnostic[];
  /** Absolute path of the file (read, or to be written); its name as the user gave it. */
  path: string;
  shown: string;
  /** The file's text as read, for fingerprints (empty when there is none). */
  text: string;
}

/**
 * Loads `file`, or docsdk.evidence.json in the working folder when it exists; none at all is
 * an empty evidence, and so is a named file that does not exist yet unless `mustExist`.
 */
export async function loadEvidence(file?: string, cwd = process.cwd(), { mustExist = false } = {}): Promise<LoadedEvidence> {
  const shown = file ?? EVIDENCE_FILE_NAME;
  const path = resolve(cwd, shown);
  const result = (evidence: EvidenceFile, diagnostics: Diagnostic[], text = ''): LoadedEvidence => ({ evidence, diagnostics, path, shown, text });
  const fail = (code: string, message: string) => result(emptyEvidence(), [{ severity: 'error', code, message, file: shown }]);
  if (!mustExist && !existsSync(path)) return result(emptyEvidence(), []);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return fail('evidence.unreadable', `cannot read the evidence file: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail('evidence.json', `not valid JSON: ${(e as Error).message}`);
  }
  const { value, diagnostics } = checkAgainstSchema<EvidenceFile>(EVIDENCE_SCHEMA_FILE_NAME, data, shown, 'evidence');
  return value ? result(value, [], text) : result(emptyEvidence(), diagnostics);
}

/** JSON with every object's keys sorted, two-space indented, one trailing newline. */
export function stableJson(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
        : v;
  return JSON.stringify(sorted(value), null, 2) + '\n';
}

const sameJson = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

/** `fresh` in place of `previous`, keeping the first-seen `when` of a probe whose answers did not change. */
export function mergeEntry(previous: OperationEvidence | undefined, fresh: OperationEvidence): OperationEvidence {
  const merged: OperationEvidence = { ...previous, ...fresh };
  const [was, now] = [previous?.probe, fresh.probe];
  if (was && now && was.baseUrl === now.baseUrl && sameJson(was.answers, now.answers)) merged.probe = { ...now, when: was.when };
  const { route } = conclude(merged);
  if (route) merged.verified = route;
  else delete merged.verified;
  return merged;
}

/** Writes the evidence (atomically: temp file, then rename); returns whether the bytes changed. */
export async function writeEvidence(path: string, evidence: EvidenceFile): Promise<boolean> {
  const text = stableJson({ $schema: evidence.$schema ?? `./node_modules/docsdk/${EVIDENCE_SCHEMA_FILE_NAME}`, ...evidence });
  const before = existsSync(path) ? await readFile(path, 'utf8') : undefined;
  if (before === text) return false;
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
  return true;
}

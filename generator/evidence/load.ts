// What the commands hand the evidence stage: the evidence file (flag, config key, or the one
// in the working folder) and the HAR captures named with --evidence. Any error in them stops
// the command before it changes anything.
import { createHash } from 'node:crypto';
import type { Config } from '../config/types.js';
import type { Diagnostic } from '../model/types.js';
import type { EvidenceInput } from './apply.js';
import { loadEvidence, type LoadedEvidence } from './file.js';
import type { HarCapture } from './har.js';

export interface EvidenceArgs {
  /** --evidence-file */
  evidenceFile?: string;
  /** --evidence (HAR files, repeatable) */
  evidence?: string[];
}

export interface LoadedEvidenceInput {
  input: EvidenceInput;
  file: LoadedEvidence;
  captures: HarCapture[];
  /** Errors: the command must stop. */
  diagnostics: Diagnostic[];
  /** Changes whenever the evidence file's or a capture's content does (for the incremental run's fingerprint). */
  fingerprint: string;
}

export async function loadEvidenceInput(args: EvidenceArgs, config: Config, options: { mustExist: boolean }): Promise<LoadedEvidenceInput> {
  const named = args.evidenceFile ?? config.evidenceFile;
  const file = await loadEvidence(named, undefined, { mustExist: options.mustExist && named !== undefined });
  const diagnostics = [...file.diagnostics];
  const captures: HarCapture[] = [];
  if (args.evidence?.length) {
    // The HAR reader, only for runs given captures.
    const { HarError, readHar } = await import('./har.js');
    for (const har of args.evidence) {
      try {
        captures.push(await readHar(har, config.maxHarBytes));
      } catch (e) {
        if (!(e instanceof HarError)) throw e;
        diagnostics.push({ severity: 'error', code: 'evidence.har', file: har, message: `${e.message.slice(har.length + 2)}; nothing was generated from it` });
      }
    }
  }
  const hash = createHash('sha256').update(file.text);
  for (const c of captures) hash.update('\0').update(c.file).update('\0').update(c.sha256);
  return {
    input: { evidence: file.evidence, file: file.shown, captures, addObservedFields: config.addObservedFields },
    file,
    captures,
    diagnostics,
    fingerprint: hash.digest('hex'),
  };
}


// File names for generated modules. Type names are identifiers already (no `/`, `.` or
// spaces); what is left is what file systems add: device names, length limits, and names
// that differ only by case being one file.
import { createHash } from 'node:crypto';
import { caseInsensitiveKey, isPortableFileName } from '../write/paths.js';
import { NameRegistry } from './names.js';

// Room for a numbered suffix, the hash and `.ts` within the file system's limit.
const MAX_STEM_BYTES = 180;

/** A portable file stem for `identifier`, not yet made unique. */
function portableStem(identifier: string): string {
  let stem = identifier;
  if (Buffer.byteLength(stem) > MAX_STEM_BYTES) {
    const hash = createHash('sha256').update(identifier).digest('hex').slice(0, 8);
    stem = truncateToBytes(stem, MAX_STEM_BYTES - 9) + '_' + hash;
  }
  return isPortableFileName(stem + '.ts') ? stem : stem + '_';
}

function truncateToBytes(text: string, maxBytes: number): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > maxBytes) break;
    out += ch;
  }
  return out;
}

/** Unique file stems within one folder, equal-ignoring-case names counting as one. */
export class FileNames {
  readonly #registry: NameRegistry;

  /** `reserved`: stems other files of the folder already use. */
  constructor(reserved: string[] = []) {
    this.#registry = new NameRegistry(caseInsensitiveKey);
    for (const stem of reserved) this.#registry.claim(stem);
  }

  stemFor(identifier: string): string {
    return this.#registry.claim(portableStem(identifier));
  }
}

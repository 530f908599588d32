// The page profiles docsdk knows, and how a page is matched to one.
import type { PageInput, PageProfile } from './profile.js';
import { genauth } from './genauth.js';
import { widdershins } from './widdershins.js';

/** In the order of PROFILE_NAMES (names.ts; a test keeps them equal): detection's tie-break. */
export const PROFILES: readonly PageProfile[] = [genauth, widdershins];
export const DEFAULT_PROFILE = genauth;

export function profileNamed(name: string): PageProfile | undefined {
  return PROFILES.find((p) => p.name === name);
}

/** The profile detectProfile would pick, told by a UTF-8 page's bytes: the default, where no other profile may detect the page; else undefined (its text decides). */
export function profileByBytes(bytes: Buffer): PageProfile | undefined {
  return PROFILES.every((p) => p === DEFAULT_PROFILE || p.mayDetect?.(bytes) === false) ? DEFAULT_PROFILE : undefined;
}

/** The profile whose structural evidence is strongest; ties go to the earlier (GenAuth, the default). */
export function detectProfile(input: PageInput): PageProfile {
  let best = DEFAULT_PROFILE;
  let bestScore = 0;
  for (const profile of PROFILES) {
    const score = profile.detect(input);
    if (score > bestScore) {
      best = profile;
      bestScore = score;
    }
  }
  return best;
}

// The page profiles' names, apart from the profiles (index.ts): the CLI offers them as
// `--profile` choices, and must not load the parsers to do so.
export const PROFILE_NAMES = ['genauth', 'widdershins'] as const;

export type ProfileName = (typeof PROFILE_NAMES)[number];

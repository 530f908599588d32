/** The evidence flags of generate and parse (yargs options). */
export const evidenceOptions = {
  'evidence-file': { type: 'string', describe: 'docsdk.evidence.json to read (default: the config\'s "evidenceFile", else the one in the working folder)' },
  evidence: { type: 'string', array: true, describe: 'HAR file of captured traffic to use as evidence (repeatable)' },
} as const;

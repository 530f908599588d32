// `docsdk probe` as cli.ts registers it: the flags and help, light to load; the work is in probe.ts.
import type { CommandModule } from 'yargs';
import { DEFAULT_LIMITS, DEFAULT_MAX_PATHS } from '../evidence/probe-defaults.js';
import type { ProbeArgs } from './probe.js';

export const probeCommand: CommandModule<object, ProbeArgs> = {
  command: 'probe <inputs..>',
  describe:
    'Ask a live server which verb and path each operation really has (requests without credentials, no body but {}) and record the answers in docsdk.evidence.json; with --evidence, record captured traffic (HAR) instead or as well',
  builder: (y) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'Pages: files, folders (recursive) and globs' })
      .option('base-url', { type: 'string', describe: 'Origin (and path prefix) of the API, e.g. https://api.example.com' })
      .option('client-base-url', { type: 'string', array: true, describe: 'Client=URL: the base URL of one client, where clients live on different hosts (repeatable)' })
      .option('evidence', { type: 'string', array: true, describe: 'HAR file of captured traffic to record as evidence too (repeatable)' })
      .option('evidence-file', { type: 'string', describe: 'Evidence file to update (default: the config\'s "evidenceFile", else docsdk.evidence.json in the working folder)' })
      .option('config', { type: 'string', describe: 'docsdk.config.json to use (base path, client names, limits)' })
      .option('all', { type: 'boolean', default: false, describe: 'Probe every operation again (default: only those with no probe evidence yet)' })
      .option('prune', { type: 'boolean', default: false, describe: 'Drop the evidence of pages that are not among the inputs' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'Print the candidates and request counts; send nothing, write nothing' })
      .option('concurrency', { type: 'number', default: DEFAULT_LIMITS.concurrency, describe: 'Requests in flight at once' })
      .option('rate', { type: 'number', default: DEFAULT_LIMITS.rate, describe: 'Requests started per second, at most' })
      .option('timeout', { type: 'number', default: DEFAULT_LIMITS.timeoutMs, describe: 'Milliseconds before one request is given up' })
      .option('max-requests', { type: 'number', default: DEFAULT_LIMITS.maxRequests, describe: 'Total request budget; operations it leaves unanswered are not recorded' })
      .option('max-paths', { type: 'number', default: DEFAULT_MAX_PATHS, describe: 'Candidate paths per operation, at most (ways to restore "/" in the file name)' })
      .option('strict', { type: 'boolean', default: false, describe: 'Exit 1 when an operation stays ambiguous too' })
      .check((a) => {
        for (const key of ['concurrency', 'rate', 'timeout', 'max-requests', 'max-paths'] as const) {
          const v = a[key] as number;
          // A message, not a throw: yargs reports it as a usage error (exit 2).
          if (!(Number.isFinite(v) && v > 0)) return `--${key} must be a positive number`;
        }
        return true;
      })
      .epilogue(
        'Statuses: 404, 405 and 501 mean "no such route"; 408, 429, 502, 503, 504 and no answer tell nothing (the operation is not recorded); ' +
          'any other status (401/403 included: a known route refuses a request without credentials) means the route exists.',
      ) as never,
  handler: async (args) => (await import('./probe.js')).runProbeCommand(args),
};

import { usableConfig } from './config-arg.js';
import { applyEvidence } from '../evidence/apply.js';
import { mergeEntry, writeEvidence } from '../evidence/file.js';
import { loadEvidenceInput } from '../evidence/load.js';
import type { ProbeLimits } from '../evidence/probe-defaults.js';
import { canaryFails, Prober, probeTarget, probeTargets, requestBounds, type ProbeOutcome, type ProbeTarget } from '../evidence/probe.js';
import { formatAnswer } from '../evidence/resolve.js';
import { trafficEvidence } from '../evidence/traffic.js';
import type { EvidenceFile } from '../evidence/types.js';
import { loadModel } from '../pipeline.js';
import { printDiagnostics } from '../report/diagnostics.js';

export interface ProbeArgs {
  inputs: string[];
  baseUrl?: string;
  clientBaseUrl?: string[];
  evidence?: string[];
  evidenceFile?: string;
  config?: string;
  all: boolean;
  prune: boolean;
  dryRun: boolean;
  concurrency: number;
  rate: number;
  timeout: number;
  maxRequests: number;
  maxPaths: number;
  strict: boolean;
}

const usage = (message: string) => {
  process.stderr.write(`docsdk probe: ${message}\n`);
  process.exitCode = 2;
};

/** A base URL docsdk may send to: http(s), no user or password in it, no query or fragment. */
function checkBaseUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `${text} is not a URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${text}: only http and https URLs can be probed`;
  if (url.username || url.password) return `${text}: a base URL must not carry credentials (the probe never sends any)`;
  if (url.search || url.hash) return `${text}: a base URL has no query or fragment`;
  return undefined;
}

/** `--client-base-url Client=URL`, repeatable; `--base-url` for every other client. */
function baseUrls(args: ProbeArgs, renames: Record<string, string>): { lookup: (client: string) => string | undefined; error?: string } {
  const perClient = new Map<string, string>();
  for (const pair of args.clientBaseUrl ?? []) {
    const eq = pair.indexOf('=');
    if (eq < 1) return { lookup: () => undefined, error: `--client-base-url ${pair}: expected Client=URL` };
    perClient.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  for (const url of [...perClient.values(), ...(args.baseUrl ? [args.baseUrl] : [])]) {
    const error = checkBaseUrl(url);
    if (error) return { lookup: () => undefined, error };
  }
  // A client can be named as the pages name it or as the config renames it.
  return { lookup: (client) => perClient.get(client) ?? perClient.get(renames[client] ?? '') ?? args.baseUrl };
}

function printPlan(targets: ProbeTarget[], limits: ProbeLimits): void {
  let [min, max] = [0, 0];
  for (const t of targets) {
    const bounds = requestBounds(t);
    min += bounds.min;
    max += bounds.max;
    process.stdout.write(`${t.operation} (${t.page}) at ${t.baseUrl}\n`);
    for (const path of t.paths) process.stdout.write(`  ${t.verbs[0]} ${path}\n`);
    if (t.verbs.length > 1) process.stdout.write(`  then ${t.verbs.slice(1).join(', ')} on the paths that exist (every path when none does)\n`);
  }
  const bases = [...new Set(targets.map((t) => t.baseUrl))];
  process.stdout.write(
    `${targets.length} operations; ${min + 2 * bases.length} to ${max + 2 * bases.length} requests (2 canary requests per base URL); ` +
      `at most ${limits.maxRequests}, ${limits.concurrency} at once, ${limits.rate} per second, ${limits.timeoutMs} ms each; no credentials, no body but {}\n`,
  );
}

async function runProbe(targets: ProbeTarget[], prober: Prober): Promise<{ outcomes: ProbeOutcome[]; refused: string[] }> {
  const refused: string[] = [];
  const usable = new Set<string>();
  for (const baseUrl of new Set(targets.map((t) => t.baseUrl))) {
    const sample = targets.find((t) => t.baseUrl === baseUrl)!.paths[0];
    const why = await canaryFails(baseUrl, sample, prober);
    if (why) refused.push(`${baseUrl}: the server does not tell missing routes apart without credentials (${why}); nothing probed there`);
    else usable.add(baseUrl);
  }
  const outcomes = await Promise.all(targets.filter((t) => usable.has(t.baseUrl)).map((t) => probeTarget(t, prober)));
  return { outcomes, refused };
}

/** `docsdk probe`: asks the server (or reads the captures) and records the answers in the evidence file. */
export async function runProbeCommand(args: ProbeArgs): Promise<void> {
  const loaded = await usableConfig(args.config);
  if (!loaded) return;
  const { config } = loaded;
  if (!args.baseUrl && !args.clientBaseUrl?.length && !args.evidence?.length) return usage('name the server (--base-url URL or --client-base-url Client=URL) or captured traffic (--evidence FILE.har)');
  const urls = baseUrls(args, config.clients ?? {});
  if (urls.error) return usage(urls.error);
  const evidenceInput = await loadEvidenceInput({ evidenceFile: args.evidenceFile, evidence: args.evidence }, config, { mustExist: false });
  if (evidenceInput.diagnostics.length) {
    printDiagnostics(evidenceInput.diagnostics, false);
    return usage('the evidence could not be read: nothing probed or written');
  }
  const recorded = evidenceInput.file.evidence;
  // Candidates come from what the pages show and the inference rules: not from earlier evidence or config overrides.
  const { model, pages } = await loadModel(args.inputs, { config: { basePath: config.basePath, maxPageBytes: config.maxPageBytes } });
  printDiagnostics(model.diagnostics.filter((d) => d.severity === 'error'), false);
  const limits = { concurrency: args.concurrency, rate: args.rate, timeoutMs: args.timeout, maxRequests: args.maxRequests };
  const wanted = (page: string) => args.all || !recorded.operations[page]?.probe;
  const targets = args.baseUrl || args.clientBaseUrl?.length ? probeTargets(model, urls.lookup, wanted, args.maxPaths) : [];
  if (args.dryRun) return printPlan(targets, limits);

  const prober = new Prober(limits);
  const { outcomes, refused } = await runProbe(targets, prober);
  const when = new Date().toISOString();
  const operations = { ...recorded.operations };
  const incomplete: string[] = [];
  for (const { target, answers, complete } of outcomes) {
    if (!complete) {
      incomplete.push(target.operation);
      continue;
    }
    operations[target.page] = mergeEntry(operations[target.page], { operation: target.operation, probe: { baseUrl: target.baseUrl, when, answers: answers.map(formatAnswer) } });
  }
  const traffic = trafficEvidence(model, evidenceInput.captures, args.maxPaths);
  for (const [page, entry] of Object.entries(traffic.entries)) operations[page] = mergeEntry(operations[page], entry);
  const inputs = new Set(model.clients.flatMap((c) => c.operations.map((op) => op.source.file)));
  if (args.prune) for (const page of Object.keys(operations)) if (!inputs.has(page)) delete operations[page];
  const evidence: EvidenceFile = { ...recorded, evidenceVersion: 1, operations };
  // A run that learned nothing (every server refused) leaves the file as it was, or absent.
  const learned = outcomes.length > incomplete.length || Object.keys(traffic.entries).length > 0 || args.prune;
  const changed = learned && (await writeEvidence(evidenceInput.file.path, evidence));

  // What generate will make of it: ambiguity and stale pages, as the same warnings.
  const applied = applyEvidence(model, { evidence, file: evidenceInput.file.shown, maxPaths: args.maxPaths });
  const findings = applied.diagnostics.filter((d) => d.code.startsWith('evidence.'));
  printDiagnostics(findings, false);
  for (const r of refused) process.stderr.write(`docsdk probe: error: ${r}\n`);
  if (incomplete.length) {
    process.stderr.write(`docsdk probe: warning: ${incomplete.length} operations got no telling answer to every request (timeouts, 429/5xx, or the --max-requests budget) and were not recorded: ${incomplete.slice(0, 10).join(', ')}${incomplete.length > 10 ? ', …' : ''}\n`);
  }
  const verifiedCount = Object.keys(operations).filter((p) => inputs.has(p) && operations[p].verified).length;
  process.stderr.write(
    `docsdk probe: ${pages} pages, ${targets.length} operations probed with ${prober.sent} requests; ` +
      `${verifiedCount} of ${inputs.size} operations verified, ${findings.filter((d) => d.code === 'evidence.ambiguous').length} ambiguous, ${incomplete.length} not recorded; ` +
      `${evidenceInput.file.shown} ${changed ? 'written' : 'unchanged'}\n`,
  );
  const ambiguous = findings.some((d) => d.severity === 'warning');
  process.exitCode = refused.length || incomplete.length || (args.strict && ambiguous) ? 1 : 0;
}

// docsdk.evidence.json: what a live server (docsdk probe) or captured traffic (HAR files)
// showed about each operation. docsdk.evidence.schema.json (repo root, shipped in the
// package) is the schema the file is validated against; keep the two in step.
import type { HttpVerb } from '../model/types.js';

export const EVIDENCE_FILE_NAME = 'docsdk.evidence.json';
export const EVIDENCE_SCHEMA_FILE_NAME = 'docsdk.evidence.schema.json';

export interface Route {
  verb: HttpVerb;
  /** Path as the SDK calls it; `{name}` segments are path parameters. */
  path: string;
}

/** One probe request and the server's answer; `status` null when none came (timeout, network error, budget spent). */
export interface ProbeAnswer extends Route {
  status: number | null;
}

export interface ProbeRecord {
  /** The base URL the requests went to. */
  baseUrl: string;
  /** When these answers were first seen (a re-probe with the same answers keeps it). */
  when: string;
  /** Every request and its answer, in the plan's order: `VERB path status` (`-` for none), see formatAnswer. */
  answers: string[];
}

/** A route as captured traffic called it: the statuses it answered and how often. */
export interface TrafficRoute extends Route {
  statuses: number[];
  requests: number;
}

/** The shape of JSON bodies at one place (`response.data[].status`): JSON types, and the values of enum fields only. */
export interface BodyObservation {
  types: JsonType[];
  values?: string[];
}

export type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';

export interface TrafficRecord {
  /** The HAR files the entries came from, as named on the command line. */
  files: string[];
  /** The latest `startedDateTime` of the entries. */
  when: string;
  routes: TrafficRoute[];
  /** Keyed `request.<field>…` and `response.<field>…`, `[]` for array items. */
  bodies?: Record<string, BodyObservation>;
}

export interface OperationEvidence {
  /** `Client.method` at the time of recording, for people reading the file. */
  operation: string;
  /** The route the evidence settles on; absent when it is ambiguous (then the inferred one stays). */
  verified?: Route;
  probe?: ProbeRecord;
  traffic?: TrafficRecord;
}

export interface EvidenceFile {
  $schema?: string;
  evidenceVersion: 1;
  /** Keyed by page (the operation's source file, relative to its input root). */
  operations: Record<string, OperationEvidence>;
}

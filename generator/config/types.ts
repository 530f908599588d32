// The shape of docsdk.config.json. docsdk.config.schema.json (repo root, shipped in the
// package) is the schema the file is validated against; keep the two in step.
import type { HttpVerb, Pagination } from '../model/types.js';

export interface OperationOverride {
  verb?: HttpVerb;
  path?: string;
  /** The operation's name in the SDK and the OpenAPI file (e.g. for one of two pages that give the same method name). */
  name?: string;
  /** Where the operation's pages are (replaces the inferred rule's answer), or `false`: not paginated. */
  pagination?: Pagination | false;
}

export interface FieldOverride {
  /** `string`, `number`, …, a structure name, or either with `[]`. */
  type?: string;
  /** Replaces the values the page lists (open unless closed). */
  enum?: string[];
  /** true: the values are all there are (a closed union); false: open, whatever the top-level `enumClosed` says. */
  enumClosed?: boolean;
  required?: boolean;
}

export interface DocsdkConfig {
  $schema?: string;
  inputs?: string[];
  out?: string;
  basePath?: string;
  /** Page client name -> SDK client name. */
  clients?: Record<string, string>;
  /** Keyed by camelCase method name, as docsdk names the operation (see `operation.duplicate-name`). */
  operations?: Record<string, OperationOverride>;
  /** Keyed `Structure.field` or `operationName.param`. */
  fields?: Record<string, FieldOverride>;
  /** Close every listed-values union (default false: open, `'a' | 'b' | (string & {})`); `fields.X.enumClosed` wins. */
  enumClosed?: boolean;
  templates?: string;
  strict?: boolean;
  /** Pages larger than this many bytes are reported and not read (default DEFAULT_MAX_PAGE_BYTES, 2 MiB). */
  maxPageBytes?: number;
  /** docsdk.evidence.json to read and write (default: the one in the working folder). */
  evidenceFile?: string;
  /** Add the fields traffic shows and no page documents (default: only report them). */
  addObservedFields?: boolean;
  /** HAR files larger than this many bytes are refused unread (default DEFAULT_MAX_HAR_BYTES, 64 MiB). */
  maxHarBytes?: number;
  /** generate refuses to remove more than this share (0..1) of the previous output's operations (default DEFAULT_MAX_REMOVED_SHARE). */
  maxRemovedShare?: number;
  /** Read every page with this page profile (`genauth`, `widdershins`) instead of detecting the family per page. */
  profile?: string;
  package?: { name?: string; version?: string };
}

/** A loaded config: defaults filled in, paths (inputs, out, templates) absolute. */
export type Config = DocsdkConfig & { basePath: string };

export const DEFAULT_BASE_PATH = '/api/v3/';
export const DEFAULT_MAX_REMOVED_SHARE = 0.5;
export const CONFIG_FILE_NAME = 'docsdk.config.json';

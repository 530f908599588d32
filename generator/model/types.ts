// The intermediate model: plain JSON data that every emitter (OpenAPI, TypeScript SDK,
// diff) reads. Every fact points back at the page cell it came from.

/** Where a fact was read: page path (relative to its input root), section heading, table row. */
export interface Provenance {
  file: string;
  /** Section the fact came from: `method`, `params`, `response`, `structure:<Name>`, `summary`, … */
  section: string;
  /** 1-based data row of the section's table (header row excluded), when the fact is a row. */
  row?: number;
  /** The page profile that read the page (`genauth`, `widdershins`), when it is not the default. */
  profile?: string;
}

export type Primitive = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'unknown';

/** A field's type as the docs state it (or as inferred, see Field.inferred). */
export type TypeRef =
  | { kind: 'primitive'; type: Primitive }
  | { kind: 'ref'; ref: string }
  | { kind: 'array'; items: TypeRef };

/** What a fact can be inferred for, rather than read from the page. */
export type InferredFact =
  | 'items' // item type of an array the docs leave untyped
  | 'required' // required-ness the page does not show (no required column, or an unreadable cell)
  | 'type' // type cell empty or unreadable
  | 'http.verb'
  | 'http.path'
  | 'method' // method name taken from the file name (no Method name section)
  | 'client' // client taken from the pages beside it (no Method name section)
  | 'name' // operation name made distinct from the file name: another page gives the same method name
  | 'enum' // allowed values beyond (or instead of) the page's list
  | 'field' // a field no page documents (seen in traffic, added by config)
  | 'pagination'; // page/size parameters and the response's list and total (model/pagination.ts)

export interface Field {
  name: string;
  type: TypeRef;
  required: boolean;
  description: string;
  /** Default value as shown on the page, typed by the field's type when it parses. */
  default?: string | number | boolean;
  /** Sample value cell, verbatim text. */
  example?: string;
  /** Values the description lists (`- \`value\`: meaning`): the values callers can expect, not always all of them. */
  enum?: string[];
  /**
   * The listed values are all there are (set by the config): the type is a closed union.
   * Absent, the union is open: listed values complete in editors, any other value is accepted.
   */
  enumClosed?: true;
  /** `数组长度限制：N` / array length limit. */
  maxItems?: number;
  /** Where the parameter goes in the HTTP request (operation parameters only). */
  in?: 'query' | 'body' | 'path' | 'header' | 'cookie';
  /** The value may be null (`string¦null`, `string,null`). */
  nullable?: true;
  /** The type's format as the cell shows it: `integer(int64)` → `int64`. */
  format?: string;
  /** `read-only` in the Restrictions cell: sent by the server only. */
  readOnly?: true;
  /** `write-only` in the Restrictions cell: sent by the client only. */
  writeOnly?: true;
  inferred?: InferredFact[];
  /** Facts a live server or captured traffic confirmed (docsdk.evidence.json, HAR files). */
  verified?: InferredFact[];
  /** Facts docsdk.config.json set: they win over inferred and verified ones. */
  configured?: InferredFact[];
  /** The sample an inferred item type was read from (see model/sample-items.ts). */
  itemsEvidence?: Provenance;
  source: Provenance;
}

export interface Structure {
  name: string;
  fields: Field[];
  /** First page (in sorted order) that defines it. */
  source: Provenance;
  /** Every page that shows this structure (sorted, unique). */
  seenIn: string[];
  /** Referenced but defined on no page: a stand-in with no fields, so references stay valid. */
  placeholder?: true;
  /** The structure's own description (or title) as the page shows it. */
  description?: string;
  /**
   * Shown inline, under no name of its own (a nested object, an inline body or response):
   * the name is docsdk's (`Parent_field`), and the OpenAPI export writes it in place.
   */
  inline?: true;
  /** A structure that is no object (`*anonymous*` row of its own): its type, format, enum. */
  value?: Field;
  /** `**additionalProperties**` row: the type of the values under keys not listed. */
  additionalProperties?: Field;
  /** The page gives its properties but no type (`any`): not necessarily an object. */
  untyped?: true;
  /** allOf / oneOf / anyOf members (`*anonymous*` rows under those block titles), in page order. */
  compositions?: Composition[];
}

export interface Composition {
  kind: 'allOf' | 'oneOf' | 'anyOf';
  members: TypeRef[];
}

/** How a client proves who it is, as an `Authentication` section describes a scheme. */
export type SecurityScheme =
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string; description?: string }
  | { type: 'http'; scheme: string; description?: string }
  | { type: 'oauth2' | 'openIdConnect'; description?: string };

/** One response of an operation, by status code (`200`, `4XX`, `default`). */
export interface OperationResponse {
  status: string;
  description: string;
  /** The body's type: a structure (inline ones too) or a primitive; absent for no body (`None`). */
  type?: TypeRef;
  mediaType?: string;
}

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'TRACE';

export interface Operation {
  /**
   * camelCase method name, e.g. `getUserGroups`; unique in its client. When two pages give one
   * client the same method, the second is named from its file name (marked `name` in inferred).
   */
  name: string;
  /** Method name as the page writes it, e.g. `get_user_groups`. */
  rawName: string;
  client: string;
  summary: string;
  description: string;
  http: { verb: HttpVerb; path: string };
  params: Field[];
  /** Name of the response structure (a key of Model.structures), when the page names one. */
  response?: string;
  /** JSON sample of the response, kept verbatim as an example (never read for types). */
  responseExample?: string;
  /** The operation returns one page of a list: where the page number, page size, items and total are. */
  pagination?: Pagination;
  /** The operationId as the page shows it (Widdershins' `opId…` anchor). */
  operationId?: string;
  /** The tag the page files the operation under, as written (the client is its identifier form). */
  tag?: string;
  /** Every response the page lists, by status code, in page order. */
  responses?: OperationResponse[];
  /** The request body when the page shows one as a whole (Widdershins' `body` row). */
  requestBody?: { type: TypeRef; mediaTypes: string[]; required: boolean };
  /** Alternatives of security requirements: names of Model.securitySchemes, all of one inner list together. */
  security?: string[][];
  inferred: InferredFact[];
  /** Facts a live server or captured traffic confirmed (docsdk.evidence.json, HAR files). */
  verified?: InferredFact[];
  /** Facts docsdk.config.json set: they win over inferred and verified ones. */
  configured?: InferredFact[];
  source: Provenance;
}

/** Parameter names, and property paths from the response body to the page's items and the total count. */
export interface Pagination {
  pageParam: string;
  sizeParam: string;
  /** e.g. `['data', 'list']` */
  itemsPath: string[];
  /** e.g. `['data', 'totalCount']` */
  totalPath: string[];
}

export interface Client {
  name: string;
  operations: Operation[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `page.no-method`, `structure.conflict`. */
  code: string;
  message: string;
  file: string;
  section?: string;
  row?: number;
}

export interface Model {
  modelVersion: 1;
  clients: Client[];
  structures: Record<string, Structure>;
  diagnostics: Diagnostic[];
  /** Base URLs the pages name (`Base URLs:`), the first being the SDK's default. */
  servers?: string[];
  /** Security schemes by name (`# Authentication`). */
  securitySchemes?: Record<string, SecurityScheme>;
}

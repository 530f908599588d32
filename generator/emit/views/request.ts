// The request of an operation whose page shows it whole (Widdershins: parameters by location,
// a request body, responses by status, security): which params go to the path, query,
// headers and body, the 2xx result type, the typed error bodies, and the credentials asked for.
import type { Field, Model, Operation, OperationResponse, SecurityScheme, TypeRef } from '../../model/types.js';
import { stringLiteral } from '../escape.js';
import type { FileScope } from './common.js';

/** What the SDK needs from the model beyond one operation. */
export interface ApiView {
  /** The first absolute base URL the pages name: the client's default `baseUrl`. */
  defaultBaseUrl?: string;
  securitySchemes: Record<string, SecurityScheme>;
}

export function apiView(model: Model): ApiView {
  const defaultBaseUrl = model.servers?.find((url) => /^https?:\/\/[\w.~:@!$&'()+,;=%/-]+$/.test(url));
  return { ...(defaultBaseUrl ? { defaultBaseUrl } : {}), securitySchemes: model.securitySchemes ?? {} };
}

/** The page shows this operation's HTTP request as a whole: its parameters carry their location. */
export function showsRequest(operation: Operation): boolean {
  return operation.requestBody !== undefined || operation.responses !== undefined || operation.security !== undefined;
}

/** The params object's properties: the parameters, then the body (as `body`, or `requestBody` when a parameter is named so). */
export function requestParams(operation: Operation): { fields: Field[]; bodyKey?: string } {
  // Cookie parameters are not sent (the placement of every parameter warns about each one).
  const fields = operation.params.filter((p) => p.in !== 'cookie');
  const body = operation.requestBody;
  if (!body) return { fields };
  const bodyKey = fields.some((p) => p.name === 'body') ? 'requestBody' : 'body';
  const field: Field = { name: bodyKey, type: body.type, required: body.required, description: `The request body (${body.mediaTypes.join(', ')}).`, source: operation.source };
  return { fields: [...fields, field], bodyKey };
}

export interface RequestParts {
  pathParams: string | null;
  query: string | null;
  headers: string | null;
  body: string | null;
  bodyType: string | null;
  security: string | null;
}

/** The RequestSpec entries as code, taken from `params`. */
export function requestParts(operation: Operation, bodyKey: string | undefined, api: ApiView, scope: FileScope): RequestParts {
  const located = (where: Field['in']) => operation.params.filter((p) => p.in === where).map((p) => p.name);
  const picked = (names: string[]) => (names.length ? `pick(params, [${names.map(stringLiteral).join(', ')}])` : null);
  const body = operation.requestBody;
  // The runtime takes an object; a body of a primitive type (a text or binary upload) is passed through as it is.
  const primitiveBody = body !== undefined && !isObjectType(body.type, scope);
  return {
    pathParams: picked(located('path')),
    query: picked(located('query')),
    headers: picked(located('header')),
    body: bodyKey ? `params[${stringLiteral(bodyKey)}]${primitiveBody ? ' as unknown as object' : ''}` : null,
    bodyType: body ? bodyTypeOf(body.mediaTypes) : null,
    security: securityCode(operation.security, api.securitySchemes),
  };
}

function isObjectType(type: TypeRef, scope: FileScope): boolean {
  if (type.kind === 'array') return true;
  if (type.kind === 'primitive') return type.type === 'object';
  const target = scope.structureNamed.get(type.ref)?.structure;
  return target !== undefined && target.value === undefined && target.compositions === undefined;
}

function bodyTypeOf(mediaTypes: string[]): string | null {
  const first = mediaTypes[0] ?? '';
  if (/x-www-form-urlencoded/i.test(first)) return stringLiteral('form');
  if (/multipart\//i.test(first)) return stringLiteral('multipart');
  return null;
}

/** Every requirement of every alternative the client may meet (the runtime applies those it has credentials for). */
function securityCode(security: string[][] | undefined, schemes: Record<string, SecurityScheme>): string | null {
  if (security === undefined) return null;
  const seen = new Set<string>();
  for (const name of security.flat()) {
    const scheme = Object.hasOwn(schemes, name) ? schemes[name] : undefined;
    if (!scheme) continue;
    if (scheme.type === 'apiKey') seen.add(`{ type: 'apiKey', in: ${stringLiteral(scheme.in)}, name: ${stringLiteral(scheme.name)} }`);
    // OAuth2 and OpenID Connect tokens are sent as bearer tokens.
    else if (scheme.type !== 'http' || scheme.scheme === 'bearer') seen.add(`{ type: 'http', scheme: 'bearer' }`);
    else if (scheme.scheme === 'basic') seen.add(`{ type: 'http', scheme: 'basic' }`);
  }
  return `[${[...seen].join(', ')}]`;
}

/** The 2xx response's type as code (`void` for a 2xx without a body), or undefined when the page shows no 2xx. */
export function resultType(operation: Operation, scope: FileScope): string | undefined {
  const success = (operation.responses ?? []).filter((r) => /^2/.test(r.status));
  if (success.length === 0) return undefined;
  const typed = success.find((r) => r.type);
  return typed ? typeCode(typed, scope) : 'void';
}

/** `{ status: 404; body: NotFound } | …`: the error bodies by status, for `ApiError.body`. */
export function errorUnion(operation: Operation, scope: FileScope): string | null {
  const errors = (operation.responses ?? []).filter((r) => !/^2/.test(r.status) && r.type);
  if (errors.length === 0) return null;
  return errors.map((r) => `{ status: ${/^\d{3}$/.test(r.status) ? r.status : 'number'}; body: ${typeCode(r, scope)} }`).join(' | ');
}

function typeCode(response: OperationResponse, scope: FileScope): string {
  const field: Field = { name: `response ${response.status}`, type: response.type!, required: true, description: '', source: { file: '', section: 'response' } };
  return scope.property(field).type;
}

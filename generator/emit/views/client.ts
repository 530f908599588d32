// The view of one src/<Client>.ts file: the params interface of each operation, then the
// client class with one method per operation.
import type { Field, Operation, Pagination, TypeRef } from '../../model/types.js';
import { hasBusinessEnvelope } from '../envelope.js';
import { stringLiteral } from '../escape.js';
import { clientDoc, iterateDoc, operationDoc, paramsDoc } from '../jsdoc.js';
import { isObjectPrototypeMember } from '../names.js';
import type { ClientPlan, OperationPlan, StructurePlan } from '../plan.js';
import { fieldType } from '../type-text.js';
import { docView, type DocView, type FileScope, type ImportView, type PropertyView } from './common.js';
import { errorUnion, requestParams, requestParts, resultType, showsRequest, type ApiView, type RequestParts } from './request.js';

export interface ParamsTypeView {
  doc: DocView;
  name: string;
  /** No parameters: the type only admits `{}`. */
  empty: boolean;
  properties: PropertyView[];
}

/** The RequestSpec values as code (`bodyType`, `security`: for pages that show the request whole; null parts are left out). */
export interface MethodView extends RequestParts {
  doc: DocView;
  name: string;
  paramsType: string;
  /** No required parameter: `params` defaults to `paramsDefault`. */
  paramsOptional: boolean;
  /** `{}`; asserted to the params type when a parameter is named like a member every object has (`{}` has a `constructor` too). */
  paramsDefault: string;
  returnType: string;
  /** The RequestSpec literal's values, as code. */
  httpMethod: string;
  path: string;
  envelope: boolean;
  /** The iterator over the items of every page, for a paginated operation. */
  iterate: IterateView | null;
}

export interface IterateView {
  doc: DocView;
  name: string;
  itemType: string;
  /** The Pagination literal, as code. */
  pagination: string;
}

/** `export type <Method>Error = { status: 404; body: NotFound } | …`: what `ApiError.body` holds per status. */
export interface ErrorTypeView {
  name: string;
  union: string;
}

export interface ClientView {
  imports: ImportView[];
  paramsTypes: ParamsTypeView[];
  doc: DocView;
  className: string;
  /** String literal: the SDK's `name/version`, its User-Agent. */
  userAgent: string;
  methods: MethodView[];
  errorTypes: ErrorTypeView[];
  /** The pages' base URL, as a string literal: `baseUrl` may then be left out. */
  defaultBaseUrl: string | null;
}

export function clientView(plan: ClientPlan, scope: FileScope, userAgent: string, api: ApiView = { securitySchemes: {} }): ClientView {
  const paramsTypes: ParamsTypeView[] = [];
  const methods: MethodView[] = [];
  const errorTypes: ErrorTypeView[] = [];
  for (const op of plan.operations) {
    const whole = showsRequest(op.operation);
    const { fields, bodyKey } = whole ? requestParams(op.operation) : { fields: op.operation.params, bodyKey: undefined };
    const params = requiredFirst(fields);
    paramsTypes.push({
      doc: docView(paramsDoc(plan.className, op.methodName)),
      name: op.paramsTypeName,
      empty: params.length === 0,
      properties: params.map((field) => scope.property(field)),
    });
    const method = methodView(plan.className, op, params, scope);
    if (whole) {
      Object.assign(method, requestParts(op.operation, bodyKey, api, scope));
      const result = resultType(op.operation, scope);
      if (result) method.returnType = result;
      const union = errorUnion(op.operation, scope);
      if (union) errorTypes.push({ name: op.paramsTypeName.replace(/Params$/, 'Error'), union });
    }
    methods.push(method);
  }
  // Parameters split between places are picked out by the runtime's `pick`.
  const splitsParams = methods.some((method) => [method.pathParams, method.query, method.headers, method.body].some((code) => code?.startsWith('pick(')));
  const paginates = methods.some((method) => method.iterate !== null);
  const runtimeNames = ['HttpClient', ...(paginates ? ['paginate'] : []), ...(splitsParams ? ['pick'] : []), 'type ApiPromise', 'type ClientOptions', 'type RequestOptions'];
  return {
    imports: [
      { typeOnly: false, specifiers: runtimeNames.join(', '), module: stringLiteral('./runtime.js') },
      ...scope.structureImports((stem) => `./models/${stem}.js`),
    ],
    paramsTypes,
    doc: docView(clientDoc(plan.className, plan.operations.length)),
    className: plan.className,
    userAgent: stringLiteral(userAgent),
    methods,
    errorTypes,
    defaultBaseUrl: api.defaultBaseUrl === undefined ? null : stringLiteral(api.defaultBaseUrl),
  };
}

/** Required parameters first, each group in page order (a stable sort). */
function requiredFirst(params: Field[]): Field[] {
  return [...params].sort((a, b) => Number(b.required) - Number(a.required));
}

function methodView(className: string, op: OperationPlan, params: Field[], scope: FileScope): MethodView {
  const { operation } = op;
  const response = operation.response === undefined ? undefined : scope.structureNamed.get(operation.response);
  if (response) scope.uses.add(response);
  if (operation.response !== undefined && !response) {
    scope.diagnostics.push({
      severity: 'warning',
      code: 'emit.type',
      message: `response ${operation.response} is defined on no page: the method returns unknown`,
      file: operation.source.file,
      section: 'response',
    });
  }
  const envelope = hasBusinessEnvelope(response?.structure);
  return {
    doc: docView(operationDoc({ operation, params, responseTypeName: response?.typeName, envelope })),
    name: op.methodName,
    paramsType: op.paramsTypeName,
    paramsOptional: params.every((field) => !field.required),
    paramsDefault: params.some((field) => isObjectPrototypeMember(field.name)) ? `{} as ${op.paramsTypeName}` : '{}',
    returnType: response?.typeName ?? 'unknown',
    httpMethod: stringLiteral(operation.http.verb),
    path: stringLiteral(pathTemplate(operation)),
    ...paramsPlacement(operation, scope),
    bodyType: null,
    security: null,
    envelope,
    iterate: iterateView(className, op, response, scope),
  };
}

function iterateView(className: string, op: OperationPlan, response: StructurePlan | undefined, scope: FileScope): IterateView | null {
  const { pagination } = op.operation;
  if (!pagination || !op.iterateName) return null;
  const items = itemsType(pagination, response, scope);
  const type = items ? fieldType({ type: items }, scope.structureNamed) : undefined;
  for (const used of type?.uses ?? []) scope.uses.add(used);
  const strings = (names: string[]) => `[${names.map(stringLiteral).join(', ')}]`;
  return {
    doc: docView(iterateDoc(className, op.methodName, op.iterateName, pagination, op.operation.inferred.includes('pagination'))),
    name: op.iterateName,
    itemType: type?.text ?? 'unknown',
    pagination: `{ pageParam: ${stringLiteral(pagination.pageParam)}, sizeParam: ${stringLiteral(pagination.sizeParam)}, itemsPath: ${strings(pagination.itemsPath)}, totalPath: ${strings(pagination.totalPath)} }`,
  };
}

/** The item type of the array at `itemsPath` in the response, when the structures show it. */
function itemsType(pagination: Pagination, response: StructurePlan | undefined, scope: FileScope): TypeRef | undefined {
  let structure = response?.structure;
  let type: TypeRef | undefined;
  for (const name of pagination.itemsPath) {
    type = structure?.fields.find((field) => field.name === name)?.type;
    structure = type?.kind === 'ref' ? scope.structureNamed.get(type.ref)?.structure : undefined;
  }
  return type?.kind === 'array' ? type.items : undefined;
}

/**
 * The path as the runtime reads it: `{name}` stays a template where `name` is a path
 * parameter; any other brace is percent-encoded, so it is sent as it is and never filled.
 */
export function pathTemplate(operation: Operation): string {
  const names = new Set(operation.params.filter((field) => field.in === 'path').map((field) => field.name));
  return operation.http.path.replace(/\{([^{}]*)\}|[{}]/g, (text, name: string | undefined) =>
    name !== undefined && names.has(name) ? text : text.replace(/\{/g, '%7B').replace(/\}/g, '%7D'),
  );
}

/** Where each parameter goes in the request: a RequestSpec key. */
type Placement = 'pathParams' | 'query' | 'headers' | 'body';

/**
 * Path and header parameters go where `Field.in` says; the rest, on a GET, in the query
 * (fetch allows no GET body); on other verbs where `Field.in` says, the body by default.
 */
function placementOf(field: Field, verb: Operation['http']['verb']): Placement | undefined {
  if (field.in === 'path') return 'pathParams';
  if (field.in === 'header') return 'headers';
  if (field.in === 'cookie') return undefined;
  return verb === 'GET' || field.in === 'query' ? 'query' : 'body';
}

/**
 * The RequestSpec values that carry the parameters, as code: `params` itself when all go
 * to the query or all to the body, else the runtime's `pick` of each group's names.
 */
function paramsPlacement(operation: Operation, scope: FileScope): Record<Placement, string | null> {
  const groups = new Map<Placement, string[]>();
  for (const field of operation.params) {
    const placement = placementOf(field, operation.http.verb);
    if (placement) groups.set(placement, [...(groups.get(placement) ?? []), field.name]);
    else scope.warn(field, 'emit.cookie-param', `cookie parameter ${field.name} is not sent: set it in the client's headers`);
  }
  const placed: Record<Placement, string | null> = { pathParams: null, query: null, headers: null, body: null };
  const only = groups.size === 0 ? (operation.http.verb === 'GET' ? 'query' : 'body') : groups.size === 1 ? [...groups.keys()][0] : undefined;
  // An interface is no Record<string, unknown>: path and header values are always picked.
  if (only === 'query' || only === 'body') return { ...placed, [only]: 'params' };
  for (const [placement, names] of groups) placed[placement] = `pick(params, [${names.map(stringLiteral).join(', ')}])`;
  return placed;
}

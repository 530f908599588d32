// The view of one src/<Client>.ts file: the params interface of each operation, then the
// client class with one method per operation.
import type { Field, Operation } from '../../model/types.js';
import { hasBusinessEnvelope } from '../envelope.js';
import { stringLiteral } from '../escape.js';
import { clientDoc, operationDoc, paramsDoc } from '../jsdoc.js';
import { isObjectPrototypeMember } from '../names.js';
import type { ClientPlan, OperationPlan } from '../plan.js';
import { docView, type DocView, type FileScope, type ImportView, type PropertyView } from './common.js';
import { errorUnion, requestParams, requestParts, resultType, showsRequest, type ApiView, type RequestParts } from './request.js';

export interface ParamsTypeView {
  doc: DocView;
  name: string;
  /** No parameters: the type only admits `{}`. */
  empty: boolean;
  properties: PropertyView[];
}

export interface MethodView {
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
  query: string | null;
  body: string | null;
  envelope: boolean;
  /** The rest of the RequestSpec (pages that show the request whole); null parts are left out. */
  pathParams: string | null;
  headers: string | null;
  bodyType: string | null;
  security: string | null;
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
  methods: MethodView[];
  errorTypes: ErrorTypeView[];
  /** The pages' base URL, as a string literal: `baseUrl` may then be left out. */
  defaultBaseUrl: string | null;
}

const NO_PARTS: RequestParts = { pathParams: null, query: null, headers: null, body: null, bodyType: null, security: null };

export function clientView(plan: ClientPlan, scope: FileScope, api: ApiView = { securitySchemes: {} }): ClientView {
  const paramsTypes: ParamsTypeView[] = [];
  const methods: MethodView[] = [];
  const errorTypes: ErrorTypeView[] = [];
  for (const op of plan.operations) {
    const whole = showsRequest(op.operation);
    const { fields, bodyKey } = whole ? requestParams(op.operation, scope) : { fields: op.operation.params, bodyKey: undefined };
    const params = requiredFirst(fields);
    paramsTypes.push({
      doc: docView(paramsDoc(plan.className, op.methodName)),
      name: op.paramsTypeName,
      empty: params.length === 0,
      properties: params.map((field) => scope.property(field)),
    });
    const method = methodView(op, params, scope);
    if (whole) {
      Object.assign(method, requestParts(op.operation, bodyKey, api, scope));
      const result = resultType(op.operation, scope);
      if (result) method.returnType = result;
      const union = errorUnion(op.operation, scope);
      if (union) errorTypes.push({ name: op.paramsTypeName.replace(/Params$/, 'Error'), union });
    }
    methods.push(method);
  }
  // Parameters split between query and body (or path and headers) are picked out by the runtime's `pick`.
  const splitsParams = methods.some((method) => [method.query, method.body, method.pathParams, method.headers].some((code) => code?.startsWith('pick(')));
  const runtimeNames = ['HttpClient', ...(splitsParams ? ['pick'] : []), 'type ClientOptions', 'type RequestOptions'];
  return {
    imports: [
      { typeOnly: false, specifiers: runtimeNames.join(', '), module: stringLiteral('./runtime.js') },
      ...scope.structureImports((stem) => `./models/${stem}.js`),
    ],
    paramsTypes,
    doc: docView(clientDoc(plan.className, plan.operations.length)),
    className: plan.className,
    methods,
    errorTypes,
    defaultBaseUrl: api.defaultBaseUrl === undefined ? null : stringLiteral(api.defaultBaseUrl),
  };
}

/** Required parameters first, each group in page order (a stable sort). */
function requiredFirst(params: Field[]): Field[] {
  return [...params].sort((a, b) => Number(b.required) - Number(a.required));
}

function methodView(op: OperationPlan, params: Field[], scope: FileScope): MethodView {
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
    ...NO_PARTS,
    ...paramsPlacement(operation),
    envelope,
  };
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

/**
 * Where the parameters go: GET sends them all in the query (fetch allows no GET body);
 * other verbs send each where `Field.in` says, the body by default.
 */
function paramsPlacement(operation: Operation): { query: string | null; body: string | null } {
  if (operation.http.verb === 'GET') return { query: 'params', body: null };
  const inQuery = operation.params.filter((field) => field.in === 'query').map((field) => field.name);
  if (inQuery.length === 0) return { query: null, body: 'params' };
  const inBody = operation.params.filter((field) => field.in !== 'query').map((field) => field.name);
  if (inBody.length === 0) return { query: 'params', body: null };
  const keys = (names: string[]) => `[${names.map(stringLiteral).join(', ')}]`;
  return { query: `pick(params, ${keys(inQuery)})`, body: `pick(params, ${keys(inBody)})` };
}

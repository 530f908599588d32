// The view of the SDK's README.md: usage and the list of operations, from the model.
import type { Field } from '../../model/types.js';
import { hasBusinessEnvelope } from '../envelope.js';
import { markdownInline, propertyKey, stringLiteral } from '../escape.js';
import type { SdkPlan } from '../plan.js';

export interface ReadmeView {
  title: string;
  pageCount: number;
  operationCount: number;
  structureCount: number;
  /** TypeScript lines of the usage example. */
  example: string;
  /** Some responses carry the business envelope, so ApiError may hold statusCode/apiCode/requestId. */
  envelope: boolean;
  /** `const client = new X(…)` and one call, for the feature examples. */
  sample: { className: string; variable: string; method: string; args: string } | null;
  /** The package name as a string literal, for import lines. */
  packageLiteral: string;
  /** The User-Agent the SDK sends, as Markdown inline text. */
  userAgent: string;
  /** TypeScript lines iterating the first paginated operation, when there is one. */
  paginationExample: string | null;
  /** Every paginated operation's iterator. */
  iterators: { client: string; method: string; iterator: string }[];
  clients: { className: string; operations: { method: string; http: string; summary: string; source: string }[] }[];
}

const variableOf = (className: string) => className.charAt(0).toLowerCase() + className.slice(1);

export function readmeView(plan: SdkPlan, packageName: string, userAgent: string): ReadmeView {
  const operations = plan.clients.flatMap((client) => client.operations);
  return {
    title: markdownInline(packageName),
    pageCount: new Set(operations.map((op) => op.operation.source.file)).size,
    operationCount: operations.length,
    structureCount: plan.structures.length,
    example: usageExample(plan, packageName),
    sample: sampleCall(plan),
    userAgent: markdownInline(userAgent),
    packageLiteral: stringLiteral(packageName),
    paginationExample: paginationExample(plan),
    iterators: plan.clients.flatMap((client) =>
      client.operations.flatMap((op) => (op.iterateName ? [{ client: client.className, method: op.methodName, iterator: op.iterateName }] : [])),
    ),
    envelope: operations.some((op) => {
      const response = op.operation.response;
      return response !== undefined && hasBusinessEnvelope(plan.structureNamed.get(response)?.structure);
    }),
    clients: plan.clients.map((client) => ({
      className: client.className,
      operations: client.operations.map((op) => ({
        method: op.methodName,
        http: markdownInline(`${op.operation.http.verb} ${op.operation.http.path}`),
        summary: markdownInline(op.operation.summary),
        source: markdownInline(op.operation.source.file),
      })),
    })),
  };
}

/** Constructs each client and calls its first operation with its required parameters. */
function usageExample(plan: SdkPlan, packageName: string): string {
  const lines = [`import { ${['ApiError', ...plan.clients.map((c) => c.className)].join(', ')} } from ${stringLiteral(packageName)};`];
  for (const client of plan.clients) {
    const variable = variableOf(client.className);
    lines.push('', `const ${variable} = new ${client.className}({ baseUrl: 'https://api.example.com', token: 'YOUR_TOKEN' });`);
    const first = client.operations[0];
    if (!first) continue;
    lines.push(`const ${first.methodName}Result = await ${variable}.${first.methodName}(${requiredArgs(first.operation.params)});`);
  }
  return lines.join('\n');
}

/** `{ a: 'x', b: 0 }` of the required parameters, and `extra` entries after them. */
function requiredArgs(params: Field[], extra: string[] = []): string {
  const args = [...params.filter((field) => field.required).map((field) => `${propertyKey(field.name)}: ${exampleValue(field)}`), ...extra];
  return `{${args.length ? ` ${args.join(', ')} ` : ''}}`;
}

function sampleCall(plan: SdkPlan): ReadmeView['sample'] {
  const client = plan.clients.find((c) => c.operations.length > 0);
  if (!client) return null;
  const first = client.operations[0];
  return { className: client.className, variable: variableOf(client.className), method: first.methodName, args: requiredArgs(first.operation.params) };
}

function paginationExample(plan: SdkPlan): string | null {
  for (const client of plan.clients) {
    const op = client.operations.find((o) => o.iterateName);
    if (!op?.iterateName || !op.operation.pagination) continue;
    const { sizeParam } = op.operation.pagination;
    const args = requiredArgs(op.operation.params.filter((field) => field.name !== sizeParam), [`${propertyKey(sizeParam)}: 50`]);
    return `for await (const item of ${variableOf(client.className)}.${op.iterateName}(${args})) {\n  console.log(item);\n}`;
  }
  return null;
}

/** A literal for a required parameter: its documented example when it fits the type, else an empty value. */
function exampleValue(field: Field): string {
  const sample = field.enum?.[0] ?? field.example ?? '';
  if (field.type.kind === 'array') return '[]';
  if (field.type.kind === 'ref') return '{}';
  switch (field.type.type) {
    case 'string':
      return stringLiteral(sample);
    case 'number':
    case 'integer':
      return Number.isFinite(Number(sample)) && sample.trim() !== '' ? String(Number(sample)) : '0';
    case 'boolean':
      return String(sample === 'true');
    default:
      return '{}';
  }
}

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
  clients: { className: string; operations: { method: string; http: string; summary: string; source: string }[] }[];
}

export function readmeView(plan: SdkPlan, packageName: string): ReadmeView {
  const operations = plan.clients.flatMap((client) => client.operations);
  return {
    title: markdownInline(packageName),
    pageCount: new Set(operations.map((op) => op.operation.source.file)).size,
    operationCount: operations.length,
    structureCount: plan.structures.length,
    example: usageExample(plan, packageName),
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
    const variable = client.className.charAt(0).toLowerCase() + client.className.slice(1);
    lines.push('', `const ${variable} = new ${client.className}({ baseUrl: 'https://api.example.com', token: 'YOUR_TOKEN' });`);
    const first = client.operations[0];
    if (!first) continue;
    const args = first.operation.params.filter((field) => field.required).map((field) => `${propertyKey(field.name)}: ${exampleValue(field)}`);
    lines.push(`const ${first.methodName}Result = await ${variable}.${first.methodName}({${args.length ? ` ${args.join(', ')} ` : ''}});`);
  }
  return lines.join('\n');
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

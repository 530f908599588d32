// The text of every doc comment, as comment-safe lines (see commentLines). Doc text from the
// pages first, then what the types cannot say (allowed values the description does not list,
// limits, defaults, examples), then where it came from.
import type { Field, Operation, Pagination, Structure } from '../model/types.js';
import { commentLines, propertyKey } from './escape.js';

/** `@name text`, the text's further lines following the tag line. */
function tag(name: string, text: string): string[] {
  const lines = commentLines(text);
  // The tag goes before the first line (or is the only one), in place: this runs for every documented value.
  lines.splice(0, 1, `@${name} ${lines[0] ?? ''}`.trimEnd());
  return lines;
}

/** A code span for doc text (backticks inside would end it early, so they are dropped). */
const code = (text: string) => '`' + text.replace(/`/g, '') + '`';

export function fieldDoc(field: Field): string[] {
  const lines = commentLines(field.description);
  // Descriptions usually list each allowed value with its meaning; repeat them only if not.
  if (field.enum?.some((value) => !field.description.includes(code(value)))) {
    const values = field.enum.map(code).join(', ');
    lines.push(...commentLines(field.enumClosed ? `Allowed values: ${values}.` : `Known values: ${values} (others are accepted).`));
  }
  if (field.maxItems !== undefined) lines.push(`At most ${field.maxItems} items.`);
  if (field.default !== undefined) lines.push(...tag('default', JSON.stringify(field.default)));
  if (field.example !== undefined && field.example !== '') lines.push(...tag('example', field.example));
  return lines;
}

export function structureDoc(structure: Structure): string[] {
  const lines = [`${commentLines(code(structure.name)).join(' ')} as the API reference pages define it.`];
  if (structure.placeholder) lines.push('Referenced by the docs but defined on no page: its fields are unknown.');
  else if (structure.fields.length === 0) lines.push('The docs list no fields for it.');
  if (structure.seenIn.length > 1) lines.push(`Shown on ${structure.seenIn.length} pages.`);
  lines.push(...tag('see', structure.source.file));
  return lines;
}

export function paramsDoc(className: string, methodName: string): string[] {
  return [`Parameters of {@link ${className}.${methodName}}.`];
}

export function clientDoc(className: string, operationCount: number): string[] {
  return [
    `${className}: ${operationCount} operation${operationCount === 1 ? '' : 's'} of the API reference pages.`,
    '',
    ...tag('example', `const client = new ${className}({ baseUrl: 'https://api.example.com', token: 'YOUR_TOKEN' });`),
  ];
}

const OPTIONS_DOC = '@param options - Per-call `signal`, `timeoutMs`, `maxRetries`, `retryNonIdempotent` and `headers`.';

/** The doc of a paginated operation's iterator over the items of all its pages. */
export function iterateDoc(className: string, methodName: string, iterateName: string, pagination: Pagination, inferred: boolean): string[] {
  const page = commentLines(code(pagination.pageParam)).join(' ');
  const path = (names: string[]) => commentLines(code(names.join('.'))).join(' ');
  return [
    `Every item of {@link ${className}.${methodName}}, page after page: sends ${page} 1, 2, … (or from the given one),`,
    `and stops at the total count (${path(pagination.totalPath)}), on an empty or short page, or on a page that repeats the one before.`,
    `The items are ${path(pagination.itemsPath)} of each response.` +
      (inferred ? ' docsdk inferred the pagination from the parameters and the response structure.' : ''),
    '',
    `@param params - As for {@link ${className}.${methodName}}.`,
    OPTIONS_DOC + ' They apply to each page.',
    ...tag('example', `for await (const item of client.${iterateName}({ ${propertyKey(pagination.sizeParam)}: 50 })) console.log(item);`),
  ];
}

export interface OperationDocInput {
  operation: Operation;
  /** Parameters in the order the method's params type lists them. */
  params: Field[];
  /** Name of the response type, when the page names one. */
  responseTypeName: string | undefined;
  /** The response carries the business envelope (statusCode …). */
  envelope: boolean;
}

export function operationDoc({ operation, params, responseTypeName, envelope }: OperationDocInput): string[] {
  const lines = commentLines(operation.summary);
  const description = commentLines(operation.description);
  if (description.length && operation.description.trim() !== operation.summary.trim()) lines.push('', ...description);
  lines.push('', ...commentLines(code(`${operation.http.verb} ${operation.http.path}`)), '');
  lines.push('@param params - The request parameters.');
  for (const field of params) {
    lines.push(...tag(`param params.${commentLines(field.name).join(' ')} -`, field.description));
  }
  lines.push(OPTIONS_DOC);
  lines.push(
    (responseTypeName
      ? `@returns The response body, a ${code(responseTypeName)}`
      : '@returns The response body (the page names no response type)') + '; `.withResponse()` gives it with the `Response`.',
  );
  lines.push(
    envelope
      ? '@throws {ApiError} when the HTTP status is not 2xx or the business `statusCode` is not 200 (a subclass by status: `NotFoundError`, `RateLimitError`, …).'
      : '@throws {ApiError} when the HTTP status is not 2xx (a subclass by status: `NotFoundError`, `RateLimitError`, …).',
  );
  lines.push('@throws {ApiConnectionError} when no response came, after the retries (`TimeoutError` when an attempt ran out of time).');
  lines.push(...tag('see', `Source page: ${operation.source.file}`));
  return lines;
}

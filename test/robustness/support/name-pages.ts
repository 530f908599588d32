// Pages made to order for the robustness suite: one GenAuth-style Markdown page per method,
// with any client, method, parameter and structure names.

export interface PageNames {
  client: string;
  method: string;
  /** Optional parameters (the first required when `requiredFirst`). */
  params?: string[];
  requiredFirst?: boolean;
  /** The response type's name; it gets one field `value`. */
  response?: string;
  /** Fields of the response structure (default `value`). */
  responseFields?: string[];
}

/** A Markdown page showing exactly these names. */
export function namePage({ client, method, params = [], requiredFirst = false, response = 'ResultDto', responseFields = ['value'] }: PageNames): string {
  const rows = params.map((name, i) => `| ${name} | string | ${requiredFirst && i === 0 ? 'yes' : 'no'} | - | parameter ${i + 1} | \`x\` |`);
  return [
    `# ${method}`,
    '',
    '## Method name',
    '',
    `\`${client}.${method}\``,
    '',
    '## Request parameters',
    '',
    '| Name | Type | Is it required? | Default | Description | Sample |',
    '| ---- | ---- | ---- | ---- | ---- | ---- |',
    ...rows,
    '',
    '## Request Response',
    '',
    `Type: \`${response}\``,
    '',
    '| Name | Type | Description |',
    '| ---- | ---- | ---- |',
    ...responseFields.map((name) => `| ${name} | string | field |`),
    '',
  ].join('\n');
}

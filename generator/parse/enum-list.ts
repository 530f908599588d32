// Allowed values a description lists. The docs write them as a Markdown list, one value per
// item with its meaning: `- \`value\`: meaning`, or (some editions) `- value: meaning`.
// A list is read as values only when nothing on the page says it is something else: a
// lead that gives examples, an open-ended item (`- ...`), or a field that holds several of
// the values at once (a space-separated `scope`).
import type { TypeRef } from '../model/types.js';

/** A list item: `- ` or `* `, or `-` right before a code span (`-\`PRE_REGISTER\``, as some rows have it). */
const ANY_ITEM = /^\s*(?:[-*]\s+\S|-`)/;
/** `- \`value\`` (meaning optional): the value is the code span. */
const CODE_ITEM = /^\s*[-*]\s*`([^`]+)`/;
/** `- value: meaning` with a one-word value (letters, digits, `_ . -`). */
const WORD_ITEM = /^\s*[-*]\s+([A-Za-z0-9][\w.-]*)\s*[:：]\s*\S/;
/** An item such as `- ... other custom fields` says the list is open. */
const OPEN_ITEM = /^\s*[-*]\s*(\.\.\.|…|其他|其它|other\b|etc\b)/i;
/** A lead that gives examples announces some values, not all of them. */
const EXAMPLES_LEAD = /如[:：]|例如|比如|such as|e\.g\.|for example|including/i;
/** A field that holds several values in one string says how they are separated. */
const SEPARATED = /(用|以|使用)(英文)?(空格|逗号|,|，)(分隔|分开|隔开)|separate[sd]? (?:\w+ ){0,3}(?:by|with) (?:a )?(?:spaces?|commas?)|(?:space|comma)[- ]separated/i;

/**
 * The values a description lists, or undefined when it lists none or its list is not a set
 * of allowed values. The list is the description's list items; each is a value when every
 * item is `- \`value\`…` or every item is `- value: meaning`. `example` (the sample cell)
 * showing several listed values in one string also says the field is not one of them, and
 * values must fit the field's `type` (a list under an `object` names its keys, not values).
 */
export function readEnumValues(description: string, example?: string, type?: TypeRef): string[] | undefined {
  // Every item starts with `-` or `*`: most descriptions have neither, and list nothing.
  if (!description.includes('-') && !description.includes('*')) return undefined;
  const lines = description.split('\n');
  const first = lines.findIndex((line) => ANY_ITEM.test(line));
  if (first < 0) return undefined;
  const items = lines.filter((line) => ANY_ITEM.test(line));
  if (items.some((line) => OPEN_ITEM.test(line))) return undefined;
  if (lines.slice(0, first).some((line) => EXAMPLES_LEAD.test(line))) return undefined;
  if (SEPARATED.test(description)) return undefined;
  const values = itemValues(items, CODE_ITEM) ?? itemValues(items, WORD_ITEM);
  if (!values || combinesValues(example, values) || (type && !fitsType(values, type))) return undefined;
  return values;
}

/** Text values fit strings (and fields of unknown type); numbers fit number types. */
function fitsType(values: string[], type: TypeRef): boolean {
  const scalar = type.kind === 'array' ? type.items : type;
  if (scalar.kind !== 'primitive') return false;
  if (scalar.type === 'string' || scalar.type === 'unknown') return true;
  return (scalar.type === 'number' || scalar.type === 'integer') && values.every((v) => /^-?\d+(\.\d+)?$/.test(v));
}

/** Each item's value by `pattern`, unique, in page order; undefined unless every item matches. */
function itemValues(items: string[], pattern: RegExp): string[] | undefined {
  const values: string[] = [];
  for (const line of items) {
    const value = pattern.exec(line)?.[1].trim();
    if (!value) return undefined;
    if (!values.includes(value)) values.push(value);
  }
  return values;
}

/** A sample of two or more listed values in one string (`openid profile`): a combination. */
function combinesValues(example: string | undefined, values: string[]): boolean {
  const parts = example?.trim().split(/[\s,，]+/) ?? [];
  return parts.length > 1 && parts.every((part) => values.includes(part));
}

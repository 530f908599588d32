// Names in the generated SDK. Doc names can be anything (`a-b`, `123abc`, `class`, `用户`,
// `../../x`): each is mapped to a TypeScript identifier deterministically, and a registry
// keeps every name unique within its scope.

// Words that cannot name an interface, type alias or class.
const RESERVED_TYPE_NAMES = new Set([
  'any', 'as', 'await', 'bigint', 'boolean', 'break', 'case', 'catch', 'class', 'const', 'continue',
  'debugger', 'declare', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false',
  'finally', 'for', 'from', 'function', 'if', 'implements', 'import', 'in', 'infer', 'instanceof',
  'interface', 'is', 'keyof', 'let', 'never', 'new', 'null', 'number', 'object', 'of', 'package',
  'private', 'protected', 'public', 'readonly', 'return', 'static', 'string', 'super', 'switch',
  'symbol', 'this', 'throw', 'true', 'try', 'type', 'typeof', 'undefined', 'unique', 'unknown',
  'var', 'void', 'while', 'with', 'yield',
]);

// Method names a class gives a meaning of its own.
const RESERVED_MEMBER_NAMES = new Set(['constructor']);

const ID_START = /[$_\p{ID_Start}]/u;
const NOT_ID_CONTINUE = /[^$\u200c\u200d\p{ID_Continue}]+/gu;

/** `raw` with every run of characters an identifier cannot hold replaced by `_`. */
function identifierOf(raw: string): string {
  const cleaned = raw.normalize('NFC').replace(NOT_ID_CONTINUE, '_');
  if (cleaned === '') return '_';
  return ID_START.test(cleaned[0]) ? cleaned : '_' + cleaned;
}

/** An identifier for an exported type or class. */
export function typeIdentifier(raw: string): string {
  const id = identifierOf(raw);
  return RESERVED_TYPE_NAMES.has(id) ? id + '_' : id;
}

/** An identifier for a class method (reserved words are fine there; `constructor` is not). */
export function memberIdentifier(raw: string): string {
  const id = identifierOf(raw);
  return RESERVED_MEMBER_NAMES.has(id) ? id + '_' : id;
}

/** `getUserGroups` → `GetUserGroups`. */
export function pascalCase(identifier: string): string {
  return identifier.charAt(0).toUpperCase() + identifier.slice(1);
}

/**
 * Hands out unique names. The first claim of a name gets it as is; later claims try their
 * other candidates, then the first candidate with a number (`Name2`, `Name3`, …). Claims must
 * come in a fixed order for the result to be deterministic.
 */
export class NameRegistry {
  readonly #taken = new Set<string>();
  readonly #key: (name: string) => string;

  /** `key` decides which names count as the same (e.g. lower-cased for file names). */
  constructor(key: (name: string) => string = (name) => name) {
    this.#key = key;
  }

  claim(...candidates: string[]): string {
    const free = candidates.find((name) => !this.#taken.has(this.#key(name)));
    if (free !== undefined) return this.#take(free);
    for (let n = 2; ; n++) {
      const numbered = `${candidates[0]}${n}`;
      if (!this.#taken.has(this.#key(numbered))) return this.#take(numbered);
    }
  }

  #take(name: string): string {
    this.#taken.add(this.#key(name));
    return name;
  }
}

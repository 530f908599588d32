// Names in the generated SDK. Doc names can be anything (`a-b`, `123abc`, `class`, `用户`,
// `../../x`, `eval`, `then`, `Promise`): each is mapped to a TypeScript identifier
// deterministically, one that is safe when the SDK is compiled and when it runs, and a
// registry keeps every name unique within its scope.
import { BUILTIN_GLOBAL_NAMES } from './global-names.js';

// Words that cannot name an interface, type alias or class.
const RESERVED_TYPE_NAMES = new Set([
  'any', 'as', 'await', 'bigint', 'boolean', 'break', 'case', 'catch', 'class', 'const', 'continue',
  'debugger', 'declare', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false',
  'finally', 'for', 'from', 'function', 'if', 'implements', 'import', 'in', 'infer', 'instanceof',
  'interface', 'is', 'keyof', 'let', 'never', 'new', 'null', 'number', 'object', 'of', 'package',
  'private', 'protected', 'public', 'readonly', 'return', 'static', 'string', 'super', 'switch',
  'symbol', 'this', 'throw', 'true', 'try', 'type', 'typeof', 'undefined', 'unique', 'unknown',
  'var', 'void', 'while', 'with', 'yield',
  // A strict-mode module (every ES module) cannot bind these: `class eval {}` fails to load.
  'eval', 'arguments',
]);

/** Why a type or class cannot have this name, if it cannot. */
function typeNameProblem(id: string): string | undefined {
  if (RESERVED_TYPE_NAMES.has(id)) return 'is a reserved word (or cannot be bound in strict mode)';
  if (BUILTIN_GLOBAL_NAMES.has(id)) return 'is a built-in global, which the SDK\'s code would then no longer reach';
  return undefined;
}

// Method names with a meaning of their own: a class's `constructor`; `then`, which makes
// every client a thenable (`await` on it calls the method); Object.prototype's members,
// which code around the SDK calls on any object.
const OBJECT_PROTOTYPE_MEMBERS = new Set([
  'constructor', '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
  'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf',
]);

function memberNameProblem(id: string): string | undefined {
  if (id === 'constructor') return 'is the class constructor';
  if (id === 'then') return 'would make every client a thenable';
  if (OBJECT_PROTOTYPE_MEMBERS.has(id)) return 'is a member of Object.prototype';
  return undefined;
}

const ID_START = /^[$_\p{ID_Start}]/u;
// Invisible characters (ZWJ, ZWNJ, Hangul fillers, variation selectors…) are identifier
// characters to the language but would make two names look alike: they are replaced too.
const NOT_ID_CONTINUE = /(?:[^$\p{ID_Continue}]|\p{Default_Ignorable_Code_Point})+/gu;

/** `raw` with every run of characters an identifier cannot hold replaced by `_`. */
function identifierOf(raw: string): string {
  const cleaned = raw.normalize('NFC').replace(NOT_ID_CONTINUE, '_');
  if (cleaned === '') return '_';
  return ID_START.test(cleaned) ? cleaned : '_' + cleaned;
}

/** An identifier and, when the name as written could not be used, why it was changed. */
export interface SafeName {
  id: string;
  /** Why `id` is not the identifier the name would otherwise have become, if it is not. */
  renamed?: string;
}

/** An identifier for an exported type or class. */
export function typeIdentifier(raw: string): SafeName {
  const id = identifierOf(raw);
  const problem = typeNameProblem(id);
  return problem ? { id: id + '_', renamed: problem } : { id };
}

/** An identifier for a class method (reserved words are fine there; `constructor`, `then` and Object.prototype's members are not). */
export function memberIdentifier(raw: string): SafeName {
  const id = identifierOf(raw);
  const problem = memberNameProblem(id);
  return problem ? { id: id + '_', renamed: problem } : { id };
}

/** Whether every object has a member of this name (`constructor`, `toString`…): `{}` then has one too. */
export function isObjectPrototypeMember(name: string): boolean {
  return OBJECT_PROTOTYPE_MEMBERS.has(name);
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

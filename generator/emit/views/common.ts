// View pieces that several templates share: doc comments, properties, imports.
import type { Diagnostic, Field } from '../../model/types.js';
import { propertyKey, stringLiteral } from '../escape.js';
import { fieldDoc } from '../jsdoc.js';
import type { StructurePlan } from '../plan.js';
import { fieldType } from '../type-text.js';

/** A doc comment: one line goes inline (`/** x *\/`), more go in a block; none, no comment. */
export interface DocView {
  inline: string | null;
  lines: string[] | null;
}

export function docView(lines: string[]): DocView {
  if (lines.length === 0) return { inline: null, lines: null };
  return lines.length === 1 ? { inline: lines[0], lines: null } : { inline: null, lines };
}

export interface PropertyView {
  doc: DocView;
  key: string;
  optional: boolean;
  type: string;
}

export interface ImportView {
  typeOnly: boolean;
  /** `A, type B` */
  specifiers: string;
  /** Module specifier as a string literal. */
  module: string;
}

/** Collects what a file's views need beyond their own text: imports, diagnostics. */
export class FileScope {
  readonly uses = new Set<StructurePlan>();

  constructor(
    readonly structureNamed: ReadonlyMap<string, StructurePlan>,
    readonly diagnostics: Diagnostic[],
  ) {}

  property(field: Field): PropertyView {
    const type = fieldType(field, this.structureNamed);
    for (const used of type.uses) this.uses.add(used);
    for (const message of type.problems) this.warn(field, 'emit.type', `${field.name}: ${message}`);
    return { doc: docView(fieldDoc(field)), key: propertyKey(field.name), optional: !field.required, type: type.text };
  }

  /** A warning about `field`, naming its page, section and row. */
  warn(field: Field, code: string, message: string): void {
    const { file, section, row } = field.source;
    this.diagnostics.push({ severity: 'warning', code, message, file, section, ...(row !== undefined && { row }) });
  }

  /** `import type` lines for the structures used, sorted by type name; `modulePath` maps a stem to its specifier. */
  structureImports(modulePath: (stem: string) => string, except?: StructurePlan): ImportView[] {
    return [...this.uses]
      .filter((used) => used !== except)
      .sort((a, b) => (a.typeName < b.typeName ? -1 : 1))
      .map((used) => ({ typeOnly: true, specifiers: used.typeName, module: stringLiteral(modulePath(used.stem)) }));
  }
}

// Widdershins' property rows (schema tables, the » rows of an inline body, Response Schema
// tables) into the model: `»` depth gives the nesting, `*anonymous*` rows under `allOf` /
// `oneOf` / `anyOf` block titles are composition members, `**additionalProperties**` the type
// of unlisted keys. Nested inline objects become structures named after their place
// (`Pet` → `PetCategory`), marked `inline`, so every emitter can name them.
import type { Composition, Diagnostic, Field, Provenance, Structure, TypeRef } from '../../model/types.js';
import { readDescription, readRequiredCell } from '../cells.js';
import { readRestrictions, readWiddershinsType, type CellType, type RowMarker } from './widdershins-cells.js';

export type BlockKind = Composition['kind'] | 'not';

export interface Row {
  name: string;
  depth: number;
  marker?: RowMarker;
  type: string;
  required: string;
  restrictions: string;
  description: string;
  /** The composition block title the row's table stands under (`allOf`/`and`, …); none after `continued`. */
  block?: BlockKind;
  /** The Parameters table's `In` cell (`path`, `query`, `header`, `cookie`, `body`). */
  in?: string;
  source: Provenance;
}

/** One table's Enumerated Values: (depth, name) → values, and how many rows share each name. */
export interface EnumRow {
  name: string;
  depth: number;
  value: string;
}

export interface Shape {
  fields: Field[];
  value?: Field;
  additionalProperties?: Field;
  compositions?: Composition[];
  untyped?: true;
}

/** What lowering needs from the page: where inline structures go, and the names in use. */
export interface LoweringPage {
  file: string;
  structures: Structure[];
  /** Structure names in use on the page (component schemas found in a pre-scan, and inline ones). */
  taken: Set<string>;
  diagnostics: Diagnostic[];
}

interface Node {
  row: Row;
  children: Node[];
}

/**
 * Lowers the rows of one table group. `byDepth`: whether the Enumerated Values table names body
 * rows with their `»` markers (the Parameters table does; schema tables name rows by name only).
 */
export class RowLowering {
  private readonly enumValues = new Map<string, string[]>();
  private readonly rowCounts = new Map<string, number>();

  constructor(
    private readonly page: LoweringPage,
    rows: Row[],
    enums: EnumRow[],
    private readonly byDepth: boolean,
  ) {
    for (const row of rows) this.rowCounts.set(this.enumKey(row.name, row.depth), (this.rowCounts.get(this.enumKey(row.name, row.depth)) ?? 0) + 1);
    for (const e of enums) {
      const key = this.enumKey(e.name, e.depth);
      const values = this.enumValues.get(key) ?? [];
      if (!values.includes(e.value)) values.push(e.value);
      this.enumValues.set(key, values);
    }
  }

  /** A schema's own rows (its properties at depth 0) as the shape of structure `name`. */
  shape(rows: Row[], name: string): Shape {
    return this.shapeOf(tree(rows), name);
  }

  /** The type of a top row (the `body` row, a Response Schema's anonymous row) with the rows below it. */
  topType(top: Row, below: Row[], hint: string): CellType {
    return this.typeOf({ row: top, children: tree(below) }, hint);
  }

  /** A field for a top row with the rows below it (the body row). */
  topField(top: Row, below: Row[], hint: string): Field {
    return this.fieldOf({ row: top, children: tree(below) }, hint);
  }

  /** An inline structure of the rows (a Response Schema table with no top row). */
  inlineStructure(rows: Row[], hint: string, source: Provenance): TypeRef {
    return this.addInline(hint, this.shape(rows, hint), source);
  }

  private enumKey(name: string, depth: number): string {
    return this.byDepth ? `${depth}\u0000${name}` : name;
  }

  private shapeOf(nodes: Node[], name: string): Shape {
    const shape: Shape = { fields: [] };
    const seen = new Set<string>();
    for (const node of nodes) {
      const { row } = node;
      if (row.marker === 'anonymous' && row.block && row.block !== 'not') {
        const kind = row.block;
        shape.compositions ??= [];
        let group = shape.compositions.find((c) => c.kind === kind);
        if (!group) shape.compositions.push((group = { kind, members: [] }));
        group.members.push(this.typeOf(node, `${name}${capital(kind)}${group.members.length + 1}`).type);
      } else if (row.marker === 'anonymous') {
        shape.value ??= this.fieldOf(node, `${name}Value`);
      } else if (row.marker === 'additionalProperties') {
        shape.additionalProperties = this.fieldOf(node, `${name}Value`);
      } else if (row.marker === undefined && row.name !== '') {
        if (seen.has(row.name)) {
          this.problem(row, `field ${row.name} appears twice; the first row is kept`);
          continue;
        }
        seen.add(row.name);
        shape.fields.push(this.fieldOf(node, `${name}${pascal(row.name)}`));
      }
    }
    return shape;
  }

  private fieldOf(node: Node, hint: string): Field {
    const { row } = node;
    const cell = this.typeOf(node, hint);
    const description = readDescription(row.description);
    const field: Field = {
      name: row.name,
      type: cell.type,
      required: readRequiredCell(row.required) ?? false,
      description: description === 'none' ? '' : description,
      source: row.source,
    };
    if (cell.format) field.format = cell.format;
    if (cell.nullable) field.nullable = true;
    Object.assign(field, readRestrictions(row.restrictions));
    const key = this.enumKey(row.name, row.depth);
    const values = this.enumValues.get(key);
    // Widdershins writes Enumerated Values from the description's own `enum`: the whole list, so a closed union.
    if (values && this.rowCounts.get(key) === 1) Object.assign(field, { enum: values, enumClosed: true });
    if (cell.problem) this.problem(row, `${row.name}: ${cell.problem}`);
    return field;
  }

  private typeOf(node: Node, hint: string): CellType {
    const cell = readWiddershinsType(node.row.type);
    // Rows under a link are the linked structure's, expanded in place: that structure has its own table.
    if (cell.type.kind === 'ref') return cell;
    if (node.children.length === 0) {
      if (!cell.itemsComposed) return cell;
      // Composed items whose members the page does not show: one member of any type.
      const members = [{ kind: 'primitive', type: 'unknown' } as TypeRef];
      return { type: { kind: 'array', items: this.addInline(hint, { fields: [], compositions: [{ kind: cell.itemsComposed, members }] }, node.row.source) } };
    }
    const element = cell.type.kind === 'array' ? cell.type.items : cell.type;
    if (element.kind !== 'primitive' || (element.type !== 'object' && element.type !== 'unknown')) return cell;
    const shape = this.shapeOf(node.children, hint);
    // `any` with rows below: properties, but no type the page shows.
    if (element.type === 'unknown' && !cell.itemsComposed) shape.untyped = true;
    const ref = this.addInline(hint, shape, node.row.source);
    return { ...cell, type: cell.type.kind === 'array' ? { kind: 'array', items: ref } : ref, problem: undefined };
  }

  private addInline(hint: string, shape: Shape, source: Provenance): TypeRef {
    const name = unique(hint, this.page.taken);
    const structure: Structure = { name, fields: shape.fields, source: { ...source, row: undefined }, seenIn: [this.page.file], inline: true };
    delete structure.source.row;
    copyShape(shape, structure);
    this.page.structures.push(structure);
    return { kind: 'ref', ref: name };
  }

  private problem(row: Row, message: string): void {
    const { file, section, row: n } = row.source;
    this.page.diagnostics.push({ severity: 'warning', code: 'row.unreadable', message, file, section, ...(n !== undefined ? { row: n } : {}) });
  }
}

/** Copies a shape's optional parts onto a structure. */
export function copyShape(shape: Shape, structure: Structure): void {
  if (shape.value) structure.value = shape.value;
  if (shape.additionalProperties) structure.additionalProperties = shape.additionalProperties;
  if (shape.compositions) structure.compositions = shape.compositions;
  if (shape.untyped) structure.untyped = true;
}

/** Rows to a forest: each row's parent is the last row one `»` level up (or, when depth jumps, the nearest shallower one). */
function tree(rows: Row[]): Node[] {
  const roots: Node[] = [];
  const open: (Node | undefined)[] = [];
  for (const row of rows) {
    const node: Node = { row, children: [] };
    let parent: Node | undefined;
    for (let d = Math.min(row.depth, open.length) - 1; d >= 0 && !parent; d--) parent = open[d];
    (parent ? parent.children : roots).push(node);
    open.length = row.depth;
    open[row.depth] = node;
  }
  return roots;
}

function unique(hint: string, taken: Set<string>): string {
  const base = hint || 'Inline';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

function capital(word: string): string {
  return word ? word[0].toUpperCase() + word.slice(1) : word;
}

/** `created_at` → `CreatedAt`, `@type` → `Type`: a name part for an inline structure. */
export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(capital)
    .join('');
}

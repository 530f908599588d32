// The view of one src/models/<Name>.ts file: one interface per structure.
import { structureDoc } from '../jsdoc.js';
import type { StructurePlan } from '../plan.js';
import type { TypeRef } from '../../model/types.js';
import { docView, type DocView, type FileScope, type ImportView, type PropertyView } from './common.js';

export interface ModelView {
  imports: ImportView[];
  doc: DocView;
  name: string;
  /** No fields known (empty section, or defined on no page): any object. */
  opaque: boolean;
  properties: PropertyView[];
  /** A type alias rather than an interface: what the properties are combined with (`A & (B | C)`, `Record<string, T>`), or the whole type. */
  alias: string | null;
}

export function modelView(plan: StructurePlan, scope: FileScope): ModelView {
  const properties = plan.structure.fields.map((field) => scope.property(field));
  const alias = aliasOf(plan, scope, properties.length > 0);
  return {
    // Sibling files in src/models/; a structure that contains itself needs no import.
    imports: scope.structureImports((stem) => `./${stem}.js`, plan),
    doc: docView(structureDoc(plan.structure)),
    name: plan.typeName,
    opaque: properties.length === 0 && alias === null,
    properties,
    alias,
  };
}

/** A schema that is no object, allOf / oneOf / anyOf members, and the values of unlisted keys, as type text. */
function aliasOf({ structure }: StructurePlan, scope: FileScope, hasFields: boolean): string | null {
  const typeOf = (type: TypeRef) => scope.property({ name: structure.name, type, required: true, description: '', source: structure.source }).type;
  if (structure.value) return scope.property({ ...structure.value, name: structure.name }).type;
  const parts: string[] = [];
  for (const { kind, members } of structure.compositions ?? []) {
    const texts = members.map(typeOf);
    parts.push(kind === 'allOf' ? texts.join(' & ') : `(${texts.join(' | ')})`);
  }
  if (structure.additionalProperties) {
    // Listed properties of other types would not fit an index signature of the values' type.
    parts.push(hasFields ? 'Record<string, unknown>' : `Record<string, ${scope.property({ ...structure.additionalProperties, name: structure.name }).type}>`);
  }
  return parts.length ? parts.join(' & ') : null;
}

// The view of one src/models/<Name>.ts file: one interface per structure.
import { structureDoc } from '../jsdoc.js';
import type { StructurePlan } from '../plan.js';
import { docView, type DocView, type FileScope, type ImportView, type PropertyView } from './common.js';

export interface ModelView {
  imports: ImportView[];
  doc: DocView;
  name: string;
  /** No fields known (empty section, or defined on no page): any object. */
  opaque: boolean;
  properties: PropertyView[];
}

export function modelView(plan: StructurePlan, scope: FileScope): ModelView {
  const properties = plan.structure.fields.map((field) => scope.property(field));
  return {
    // Sibling files in src/models/; a structure that contains itself needs no import.
    imports: scope.structureImports((stem) => `./${stem}.js`, plan),
    doc: docView(structureDoc(plan.structure)),
    name: plan.typeName,
    opaque: properties.length === 0,
    properties,
  };
}

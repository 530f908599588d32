// Small hand-built models for unit tests of stages that read a Model.
import type { Field, Model, Operation, Structure } from '../../generator/model/types.js';

export function field(name: string, props: Partial<Field> = {}): Field {
  return {
    name,
    type: { kind: 'primitive', type: 'string' },
    required: false,
    description: `${name} description`,
    source: { file: 'page.md', section: 'params' },
    ...props,
  };
}

export function operation(name: string, props: Partial<Operation> = {}): Operation {
  return {
    name,
    rawName: name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
    client: 'ManagementClient',
    summary: `${name} summary`,
    description: `${name} description`,
    http: { verb: 'POST', path: `/api/v3/${name}` },
    params: [],
    inferred: ['http.verb', 'http.path'],
    source: { file: `${name}.md`, section: 'method' },
    ...props,
  };
}

export function structure(name: string, fields: Field[]): Structure {
  return { name, fields, source: { file: 'page.md', section: `structure:${name}` }, seenIn: ['page.md'] };
}

export function model(operations: Operation[], structures: Structure[] = []): Model {
  const clients = [...new Set(operations.map((op) => op.client))].sort();
  return {
    modelVersion: 1,
    clients: clients.map((name) => ({ name, operations: operations.filter((op) => op.client === name) })),
    structures: Object.fromEntries(structures.map((s) => [s.name, s])),
    diagnostics: [],
  };
}

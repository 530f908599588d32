// Names from doc pages become keys of records: `__proto__`, `constructor` and the other
// members of Object.prototype must stay plain names, never reach or replace a prototype.
import { afterEach, describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build.js';
import { modelFromOpenApi } from '../../generator/diff/openapi-model.js';
import { toOpenApi } from '../../generator/openapi/export.js';
import { parsePage } from '../../generator/parse/page.js';
import { textPage } from '../helpers/pages.js';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

// HTML, so the names reach the parser as written (Markdown would read `__proto__` as bold "proto").
const row = (name: string, type: string) => `<tr><td>${name}</td><td>${type}</td><td>yes</td><td>-</td><td>d</td><td></td></tr>`;
const structureSection = (name: string) =>
  `<h3><a id="${name}"></a> ${name}</h3><table><thead><tr><th>Name</th><th>Type</th><th>Required</th><th>Description</th></tr></thead>` +
  `<tbody><tr><td>${name}</td><td>string</td><td>yes</td><td>d</td></tr></tbody></table>`;

const page = textPage(
  'management/g/get-proto.html',
  `<main><h1>T</h1><h2>Method name</h2><p><code>ManagementClient.get_proto</code></p>
<h2>Request parameters</h2><table><thead><tr><th>Name</th><th>Type</th><th>Required</th><th>Default</th><th>Description</th><th>Sample</th></tr></thead>
<tbody>${PROTOTYPE_NAMES.map((name) => row(name, name)).join('')}</tbody></table>
<h2>Request Response</h2><p>Type: <code>Resp</code></p>
<table><thead><tr><th>Name</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td>__proto__</td><td>string</td><td>d</td></tr></tbody></table>
<h2>Data Structure</h2>${PROTOTYPE_NAMES.map(structureSection).join('')}</main>`,
);

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const before = prototypeKeys();
afterEach(() => expect(prototypeKeys()).toEqual(before));

describe('names that are members of Object.prototype', () => {
  const result = parsePage(page);

  it('are type names like any other (a type cell `constructor` is no primitive)', () => {
    expect(result.operation?.params.map((p) => [p.name, p.type])).toEqual(
      PROTOTYPE_NAMES.map((name) => [name, { kind: 'ref', ref: name }]),
    );
    expect(result.diagnostics).toEqual([]);
  });

  it('are own keys of the model, each with its own fields', () => {
    const model = buildModel([result], { basePath: '/api/v3' });
    expect(Object.getPrototypeOf(model.structures)).toBe(null);
    expect(Object.keys(model.structures)).toEqual(['Resp', '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf']);
    expect(model.structures.Resp.fields.map((f) => f.name)).toEqual(['__proto__']);
    for (const name of PROTOTYPE_NAMES) expect(model.structures[name].fields.map((f) => f.name)).toEqual([name]);
    expect(model.diagnostics).toEqual([]);
  });

  it('survive the model file and the OpenAPI document read back by `docsdk diff`', () => {
    const model = buildModel([result], { basePath: '/api/v3' });
    const fromJson = JSON.parse(JSON.stringify(model)) as typeof model;
    expect(Object.keys(fromJson.structures)).toEqual(Object.keys(model.structures));
    const openapi = JSON.parse(JSON.stringify(toOpenApi(model)));
    expect(Object.keys(openapi.components.schemas)).toEqual(Object.keys(model.structures));
    const back = modelFromOpenApi(openapi);
    expect(Object.keys(back.structures)).toEqual(Object.keys(model.structures));
    expect(back.structures.__proto__.fields.map((f) => f.name)).toEqual(['__proto__']);
  });
});

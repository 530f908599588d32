// `diff` sees what Widdershins pages add to the model: nullable fields, formats, request
// bodies, security and the shape of structures that are no object.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffModels } from '../../generator/diff/changes.js';
import { buildModel } from '../../generator/model/build.js';
import { parsePage } from '../../generator/parse/page.js';

const PAGE = 'test/fixtures/widdershins/markdown/rbaskets.in/index.md';

function model(text: string) {
  return buildModel([parsePage({ abs: PAGE, rel: 'index.md', bytes: Buffer.from(text) })], { basePath: '/' });
}

describe('diff of Widdershins models', () => {
  const before = readFileSync(PAGE, 'utf8');

  it('a field that becomes nullable, a format that changes, a body and security that change', () => {
    const after = before
      .replace('|name|string|false|none|Basket name|', '|name|string¦null|false|none|Basket name|')
      .replace('|last_request_date|integer(int64)|', '|last_request_date|integer(int32)|')
      .replace('|body|body|[Config](#schemaconfig)|true|New configuration to apply|', '|body|body|[Response](#schemaresponse)|true|New configuration to apply|')
      .replace('one of the following methods:\nbasket_token\n</aside>', 'one of the following methods:\nservice_token\n</aside>');
    const changes = diffModels(model(before), model(after)).changes.map((c) => [c.level, c.code, c.location]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['breaking', 'field.became-nullable', 'BasketInfo.name'],
        ['docs', 'field.format-changed', 'BasketInfo.last_request_date'],
        ['breaking', 'operation.body-changed', 'BasketsClient.updateBasketSettings'],
        ['breaking', 'operation.security-changed', 'BasketsClient.deleteBasket'],
      ]),
    );
  });

  it('the same page gives no changes', () => {
    expect(diffModels(model(before), model(before))).toEqual({ bump: 'none', changes: [] });
  });
});

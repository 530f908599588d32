import { describe, expect, it } from 'vitest';
import { diffModels } from '../../generator/diff/changes.js';
import { loadSide } from '../../generator/diff/load-side.js';
import { modelFromOpenApi } from '../../generator/diff/openapi-model.js';
import { toOpenApi } from '../../generator/openapi/export.js';
import { copyPages, editPage, EDITS, GET_USER_ROLES } from '../support/workflow-pages.js';

describe('modelFromOpenApi', () => {
  it('reads back every public-API fact of our own OpenAPI export', async () => {
    const model = await loadSide(await copyPages());
    expect(diffModels(model, modelFromOpenApi(toOpenApi(model)))).toEqual({ bump: 'none', changes: [] });
  });

  it('lets two openapi.json files be compared like two models', async () => {
    const after = await copyPages();
    await editPage(after, GET_USER_ROLES, EDITS.removeParameter.from, EDITS.removeParameter.to);
    const [oldDoc, newDoc] = [toOpenApi(await loadSide(await copyPages())), toOpenApi(await loadSide(after))];
    const diff = diffModels(modelFromOpenApi(oldDoc), modelFromOpenApi(newDoc));
    expect(diff.bump).toBe('major');
    expect(diff.changes).toMatchObject([
      { level: 'breaking', code: 'param.removed', location: 'ManagementClient.getUserRoles(namespace)', source: { file: GET_USER_ROLES } },
    ]);
  });

  it('reads `enum` as closed unless docsdk marked it open', () => {
    const model = modelFromOpenApi({
      openapi: '3.1.0',
      paths: {},
      components: {
        schemas: {
          UserDto: {
            type: 'object',
            properties: {
              role: { type: 'string', enum: ['admin'] },
              gender: { type: 'string', enum: ['M', 'F'], 'x-docsdk-open-enum': true },
              tags: { type: 'array', items: { type: 'string', enum: ['a'], 'x-docsdk-open-enum': true } },
            },
          },
        },
      },
    });
    expect(model.structures.UserDto.fields.map((f) => [f.name, f.enum, f.enumClosed])).toEqual([
      ['role', ['admin'], true],
      ['gender', ['M', 'F'], undefined],
      ['tags', ['a'], undefined],
    ]);
  });

  it('reads request bodies given by $ref and array enums', () => {
    const model = modelFromOpenApi({
      openapi: '3.0.3',
      paths: {
        '/users': {
          post: {
            operationId: 'createUser',
            tags: ['Users'],
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateUserDto' } } } },
            responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/UserDto' } } } } },
          },
        },
      },
      components: {
        schemas: {
          CreateUserDto: {
            type: 'object',
            required: ['roles'],
            properties: { roles: { type: 'array', items: { type: 'string', enum: ['admin', 'user'] }, maxItems: 5 } },
          },
          UserDto: { type: 'object', properties: { id: { type: 'string' } } },
        },
      },
    });
    expect(model.clients).toMatchObject([
      {
        name: 'Users',
        operations: [
          {
            name: 'createUser',
            http: { verb: 'POST', path: '/users' },
            response: 'UserDto',
            params: [
              { name: 'roles', required: true, in: 'body', enum: ['admin', 'user'], maxItems: 5, type: { kind: 'array', items: { kind: 'primitive', type: 'string' } } },
            ],
          },
        ],
      },
    ]);
  });
});

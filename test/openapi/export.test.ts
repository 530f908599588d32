import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { toOpenApi } from '../../generator/openapi/export.js';
import { loadModel } from '../../generator/pipeline.js';
import { corpusDir } from '../helpers/pages.js';

describe('OpenAPI 3.1 export of the zh corpus', async () => {
  const { model } = await loadModel([path.join(corpusDir, 'zh', 'markdown')]);
  const doc = toOpenApi(model) as any;

  it('validates with @readme/openapi-parser', async () => {
    const result = await validate(structuredClone(doc));
    expect(result).toEqual({ valid: true, warnings: [], specification: 'OpenAPI' });
  });

  it('writes one operation per page with its source, tag, query parameters and response', () => {
    const get = doc.paths['/api/v3/get-user-groups'].get;
    expect(Object.values(doc.paths).reduce((n: number, item: any) => n + Object.keys(item).length, 0)).toBe(249);
    expect([get.operationId, get.tags, get['x-docsdk-source'], get['x-docsdk-inferred']]).toEqual([
      'getUserGroups',
      ['ManagementClient'],
      'management/管理用户/get-user-groups.md',
      ['http.verb', 'http.path'],
    ]);
    expect(get.parameters[1]).toEqual({
      name: 'userIdType',
      in: 'query',
      required: false,
      description: get.parameters[1].description,
      schema: {
        type: 'string',
        description: get.parameters[1].description,
        enum: ['user_id', 'phone', 'email', 'username', 'external_id', 'identity', 'sync_relation'],
        'x-docsdk-open-enum': true,
        default: 'user_id',
        examples: ['user_id'],
      },
      example: 'user_id',
    });
    expect(get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/GroupPaginatedRespDto' });
    expect(get.responses['200'].content['application/json'].example.statusCode).toBe(200);
  });

  it('writes a JSON body with required for other verbs, and schemas with refs and arrays', () => {
    const create = doc.paths['/api/v3/create-group'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(['type', 'description', 'name', 'code']);
    const paging = doc.components.schemas.GroupPagingDto;
    expect(paging.required).toEqual(['totalCount', 'list']);
    expect(paging.properties.list.type).toBe('array');
    expect(paging.properties.list.items).toEqual({ $ref: '#/components/schemas/ResGroupDto' });
    expect(doc.components.schemas.ResGroupDto.properties.metadataSource['x-docsdk-inferred']).toEqual(['items']);
  });

  it('writes item types read from samples as inferred, and marks open lists beside their enum', () => {
    const user = doc.components.schemas.UserDto.properties;
    expect([user.departmentIds.items, user.departmentIds['x-docsdk-inferred']]).toEqual([{ type: 'string' }, ['items']]);
    // No sample shows registerSource's items: left untyped.
    expect([user.registerSource.items, user.registerSource['x-docsdk-inferred']]).toEqual([{}, ['items']]);
    const displayAt = doc.components.schemas.ApplicationAgreementDto.properties.displayAt;
    expect(displayAt.items).toEqual({ type: 'string', enum: ['LoginPage', 'RegisterPage'], 'x-docsdk-open-enum': true });
  });

  it('keeps operationIds unique when two clients share a method name: the page whose file name is the name keeps it', () => {
    const ids = Object.values(doc.paths).flatMap((item: any) => Object.values(item).map((op: any) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/v3/get-authorized-resources'].get.operationId).toBe('getAuthorizedResources');
    expect(doc.paths['/api/v3/get-my-authorized-resources'].get.operationId).toBe('AuthenticationClient_getAuthorizedResources');
  });
});

import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../generator/config/overrides.js';
import { field, model, operation, structure } from '../support/model.js';

const base = () =>
  model(
    [
      operation('getUserGroups', { params: [field('userId', { required: true, in: 'query' })], response: 'GroupListDto' }),
      operation('getUserInfo', { client: 'AuthenticationClient' }),
    ],
    [
      structure('GroupListDto', [field('list', { type: { kind: 'array', items: { kind: 'primitive', type: 'unknown' } }, inferred: ['items', 'required'] })]),
      structure('UserDto', [field('gender', { enum: ['M'] })]),
    ],
  );

describe('applyOverrides', () => {
  it('a config that overrides nothing returns the model itself (nothing to copy)', () => {
    const input = base();
    for (const config of [{}, { operations: {}, fields: {}, clients: {}, enumClosed: false }]) {
      const result = applyOverrides(input, config);
      expect(result.model).toBe(input);
      expect(result.diagnostics).toEqual([]);
    }
    expect(input).toEqual(base());
  });

  it('still puts operations in name order, in a copy', () => {
    const input = model([operation('listUsers'), operation('getUser')]);
    const { model: out } = applyOverrides(input, {});
    expect(out.clients[0].operations.map((op) => op.name)).toEqual(['getUser', 'listUsers']);
    expect(input.clients[0].operations.map((op) => op.name)).toEqual(['listUsers', 'getUser']);
  });

  it('replaces verb and path and drops them from the inferred facts', () => {
    const { model: out, diagnostics } = applyOverrides(base(), {
      operations: { getUserGroups: { verb: 'GET', path: '/api/v3/get-user-groups' } },
    });
    const op = out.clients[1].operations[0];
    expect(op.http).toEqual({ verb: 'GET', path: '/api/v3/get-user-groups' });
    expect(op.inferred).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it('keeps the facts an override leaves alone inferred', () => {
    const { model: out } = applyOverrides(base(), { operations: { getUserGroups: { verb: 'GET' } } });
    expect(out.clients[1].operations[0].inferred).toEqual(['http.path']);
  });

  it('overrides structure fields: type, enum, required', () => {
    const { model: out } = applyOverrides(base(), {
      fields: {
        'GroupListDto.list': { type: 'UserDto[]', required: true },
        'UserDto.gender': { enum: ['M', 'F', 'U'] },
      },
    });
    const list = out.structures.GroupListDto.fields[0];
    expect(list.type).toEqual({ kind: 'array', items: { kind: 'ref', ref: 'UserDto' } });
    expect(list.required).toBe(true);
    expect(list.inferred).toBeUndefined();
    expect(out.structures.UserDto.fields[0].enum).toEqual(['M', 'F', 'U']);
  });

  it('closes listed values per field or all at once; a field set to false stays open', () => {
    const closedOne = applyOverrides(base(), { fields: { 'UserDto.gender': { enumClosed: true } } });
    expect(closedOne.model.structures.UserDto.fields[0]).toMatchObject({ enum: ['M'], enumClosed: true });
    expect(closedOne.diagnostics).toEqual([]);
    const all = applyOverrides(base(), { enumClosed: true });
    expect(all.model.structures.UserDto.fields[0].enumClosed).toBe(true);
    // Fields that list no values have no union to close.
    expect(all.model.structures.GroupListDto.fields[0].enumClosed).toBeUndefined();
    const reopened = applyOverrides(base(), { enumClosed: true, fields: { 'UserDto.gender': { enumClosed: false } } });
    expect(reopened.model.structures.UserDto.fields[0].enumClosed).toBeUndefined();
  });

  it('warns when a field to close lists no values', () => {
    const { diagnostics } = applyOverrides(base(), { fields: { 'GroupListDto.list': { enumClosed: true } } });
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'config.no-enum',
        message: 'fields["GroupListDto.list"].enumClosed: the field lists no values (give them in fields["GroupListDto.list"].enum); its type is not a union',
        file: 'docsdk.config.json',
        section: 'fields["GroupListDto.list"]',
      },
    ]);
  });

  it('overrides operation parameters keyed operationName.param', () => {
    const { model: out } = applyOverrides(base(), { fields: { 'getUserGroups.userId': { type: 'integer', required: false } } });
    expect(out.clients[1].operations[0].params[0]).toMatchObject({ type: { kind: 'primitive', type: 'integer' }, required: false });
  });

  it('renames clients and the client of their operations', () => {
    const { model: out } = applyOverrides(base(), { clients: { ManagementClient: 'Management' } });
    expect(out.clients.map((c) => c.name)).toEqual(['AuthenticationClient', 'Management']);
    expect(out.clients[1].operations[0].client).toBe('Management');
  });

  it('does not touch its input', () => {
    const input = base();
    const before = structuredClone(input);
    applyOverrides(input, { clients: { ManagementClient: 'M' }, fields: { 'UserDto.gender': { required: true } } });
    expect(input).toEqual(before);
  });

  it('reports overrides that match nothing, naming the key, and appends them to the model', () => {
    const { model: out, diagnostics } = applyOverrides(
      base(),
      {
        clients: { AdminClient: 'Admin' },
        operations: { getUserGroup: { verb: 'GET' } },
        fields: { 'UserDto.sex': { required: true }, 'listUsers.page': { type: 'number' } },
      },
      'conf/docsdk.config.json',
    );
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'config.unmatched-override',
        message: 'operations.getUserGroup matches nothing: no operation getUserGroup',
        file: 'conf/docsdk.config.json',
        section: 'operations.getUserGroup',
      },
      {
        severity: 'warning',
        code: 'config.unmatched-override',
        message: 'fields["UserDto.sex"] matches nothing: UserDto has no field sex',
        file: 'conf/docsdk.config.json',
        section: 'fields["UserDto.sex"]',
      },
      {
        severity: 'warning',
        code: 'config.unmatched-override',
        message: 'fields["listUsers.page"] matches nothing: no structure or operation listUsers',
        file: 'conf/docsdk.config.json',
        section: 'fields["listUsers.page"]',
      },
      {
        severity: 'warning',
        code: 'config.unmatched-override',
        message: 'clients.AdminClient matches nothing: no client AdminClient',
        file: 'conf/docsdk.config.json',
        section: 'clients.AdminClient',
      },
    ]);
    expect(out.diagnostics).toEqual(diagnostics);
  });

  it('refuses a type override naming a structure the model does not have', () => {
    const { model: out, diagnostics } = applyOverrides(base(), { fields: { 'UserDto.gender': { type: 'GenderDto' } } });
    expect(diagnostics).toMatchObject([{ severity: 'error', code: 'config.unknown-structure', section: 'fields["UserDto.gender"]' }]);
    expect(out.structures.UserDto.fields[0].type).toEqual({ kind: 'primitive', type: 'string' });
  });

  it('refuses a client rename onto an existing client', () => {
    const { diagnostics } = applyOverrides(base(), { clients: { ManagementClient: 'AuthenticationClient' } });
    expect(diagnostics).toMatchObject([{ severity: 'error', code: 'config.client-conflict' }]);
  });

  it('matches only the model\'s own names, never Object.prototype members', () => {
    const { diagnostics } = applyOverrides(base(), {
      fields: { 'constructor.name': { required: true }, 'UserDto.gender': { type: 'toString' } },
      clients: { hasOwnProperty: 'X' },
    });
    expect(diagnostics.map((d) => d.code)).toEqual(['config.unmatched-override', 'config.unknown-structure', 'config.unmatched-override']);
  });
});

import { describe, expect, it } from 'vitest';
import { diffModels, hasChangeAtLeast } from '../../generator/diff/changes.js';
import type { Model } from '../../generator/model/types.js';
import { field, model, operation, structure } from '../support/model.js';

const ref = (name: string) => ({ kind: 'ref', ref: name }) as const;

/** getUser(userId, withCustomData) -> UserRespDto { data: UserDto }; createUser(profile: ProfileDto). */
function baseline(): Model {
  return model(
    [
      operation('getUser', {
        params: [field('userId', { required: true }), field('withCustomData', { type: { kind: 'primitive', type: 'boolean' } })],
        response: 'UserRespDto',
      }),
      operation('createUser', { params: [field('profile', { type: ref('ProfileDto'), required: true })] }),
    ],
    [
      structure('UserRespDto', [field('data', { type: ref('UserDto') })]),
      structure('UserDto', [field('gender', { enum: ['M', 'F'], required: true }), field('nickname')]),
      structure('ProfileDto', [field('name', { required: true }), field('phone')]),
    ],
  );
}

function changed(edit: (m: Model) => void): Model {
  const m = baseline();
  edit(m);
  return m;
}

const op = (m: Model, name: string) => m.clients[0].operations.find((o) => o.name === name)!;
const summary = (m: Model) => {
  const { bump, changes } = diffModels(baseline(), m);
  return { bump, changes: changes.map((c) => `${c.level} ${c.code} ${c.location}: ${c.message}`) };
};

describe('diffModels', () => {
  it('an operation that becomes paginated adds an iterator (feature); losing or changing it is breaking', () => {
    const pagination = { pageParam: 'page', sizeParam: 'limit', itemsPath: ['data', 'list'], totalPath: ['data', 'totalCount'] };
    const paged = changed((m) => (op(m, 'getUser').pagination = pagination));
    expect(summary(paged).changes).toEqual(['feature operation.iterator-added ManagementClient.getUser: paginated (page/limit: data.list of data.totalCount): an iterator over its items is added']);
    expect(diffModels(paged, baseline()).changes.map((c) => `${c.level} ${c.code}`)).toEqual(['breaking operation.iterator-removed']);
    const moved = changed((m) => (op(m, 'getUser').pagination = { ...pagination, itemsPath: ['data', 'items'] }));
    expect(diffModels(paged, moved).changes.map((c) => c.message)).toEqual(['pagination changed from `page/limit: data.list of data.totalCount` to `page/limit: data.items of data.totalCount`']);
  });

  it('finds nothing between equal models', () => {
    expect(diffModels(baseline(), baseline())).toEqual({ bump: 'none', changes: [] });
  });

  it('classifies a removed parameter as breaking', () => {
    expect(summary(changed((m) => op(m, 'getUser').params.pop()))).toEqual({
      bump: 'major',
      changes: ['breaking param.removed ManagementClient.getUser(withCustomData): parameter removed'],
    });
  });

  it('classifies an optional parameter made required as breaking, and the reverse as a feature', () => {
    expect(summary(changed((m) => (op(m, 'getUser').params[1].required = true))).changes).toEqual([
      'breaking param.became-required ManagementClient.getUser(withCustomData): became required',
    ]);
    expect(summary(changed((m) => (op(m, 'getUser').params[0].required = false)))).toEqual({
      bump: 'minor',
      changes: ['feature param.became-optional ManagementClient.getUser(userId): became optional'],
    });
  });

  it('tells added optional parameters (feature) from added required ones (breaking)', () => {
    expect(summary(changed((m) => op(m, 'getUser').params.push(field('locale'))))).toEqual({
      bump: 'minor',
      changes: ['feature param.added ManagementClient.getUser(locale): parameter added'],
    });
    expect(summary(changed((m) => op(m, 'getUser').params.push(field('locale', { required: true })))).changes).toEqual([
      'breaking param.added-required ManagementClient.getUser(locale): required parameter added',
    ]);
  });

  it('classifies values of an open list as completions: added is a feature, removed docs', () => {
    expect(summary(changed((m) => m.structures.UserDto.fields[0].enum!.push('U')))).toEqual({
      bump: 'minor',
      changes: ['feature field.enum-value-added UserDto.gender: enum value `U` added'],
    });
    expect(summary(changed((m) => (m.structures.UserDto.fields[0].enum = ['M'])))).toEqual({
      bump: 'patch',
      changes: ['docs field.enum-value-removed UserDto.gender: enum value `F` removed'],
    });
  });

  it('classifies closed lists by who holds the value: more breaks receivers, fewer breaks everyone', () => {
    const closed = (edit: (m: Model) => void) => (m: Model) => {
      m.structures.UserDto.fields[0].enumClosed = true;
      m.structures.ProfileDto.fields[0].enum = ['a'];
      m.structures.ProfileDto.fields[0].enumClosed = true;
      edit(m);
    };
    const diff = (edit: (m: Model) => void) => diffModels(changed(closed(() => {})), changed(closed(edit))).changes.map((c) => `${c.level} ${c.location}: ${c.message}`);
    // UserDto is received (getUser's response), ProfileDto sent (createUser's parameter).
    expect(diff((m) => m.structures.UserDto.fields[0].enum!.push('U'))).toEqual(['breaking UserDto.gender: enum value `U` added']);
    expect(diff((m) => m.structures.ProfileDto.fields[0].enum!.push('b'))).toEqual(['feature ProfileDto.name: enum value `b` added']);
    expect(diff((m) => (m.structures.UserDto.fields[0].enum = ['M']))).toEqual(['breaking UserDto.gender: enum value `F` removed']);
  });

  it('closing a list breaks senders, opening one breaks receivers', () => {
    const close = (m: Model) => {
      m.structures.UserDto.fields[0].enumClosed = true;
      m.structures.ProfileDto.fields[0].enum = ['a'];
      m.structures.ProfileDto.fields[0].enumClosed = true;
    };
    const open = (m: Model) => (m.structures.ProfileDto.fields[0].enum = ['a']);
    expect(diffModels(changed(open), changed(close)).changes.map((c) => `${c.level} ${c.code} ${c.location}: ${c.message}`)).toEqual([
      'breaking field.enum-closed ProfileDto.name: closed: only `a` accepted',
      'feature field.enum-closed UserDto.gender: closed: only `M`, `F` accepted',
    ]);
    expect(diffModels(changed(close), changed(open)).changes.map((c) => `${c.level} ${c.code} ${c.location}: ${c.message}`)).toEqual([
      'feature field.enum-opened ProfileDto.name: opened: values besides `a` accepted',
      'breaking field.enum-opened UserDto.gender: opened: values besides `M`, `F` accepted',
    ]);
  });

  it('a list that appears or goes: closed as restrictions, open as completions', () => {
    const lists = (edit: (m: Model) => void) => diffModels(baseline(), changed(edit)).changes.map((c) => `${c.level} ${c.location}: ${c.message}`);
    expect(lists((m) => (m.structures.ProfileDto.fields[0].enum = ['a']))).toEqual(['feature ProfileDto.name: now lists `a` (open: other values accepted)']);
    expect(lists((m) => Object.assign(m.structures.ProfileDto.fields[0], { enum: ['a'], enumClosed: true }))).toEqual(['breaking ProfileDto.name: now restricted to `a`']);
    expect(lists((m) => delete m.structures.UserDto.fields[0].enum)).toEqual(['docs UserDto.gender: no longer lists `M`, `F`']);
  });

  it('classifies description-only changes as docs (patch)', () => {
    expect(
      summary(
        changed((m) => {
          op(m, 'getUser').description = 'New words.';
          m.structures.UserDto.fields[1].description = 'The name users pick.';
        }),
      ),
    ).toEqual({
      bump: 'patch',
      changes: [
        'docs operation.description-changed ManagementClient.getUser: description changed',
        'docs field.description-changed UserDto.nickname: description changed',
      ],
    });
  });

  it('classifies type, endpoint and response type changes as breaking', () => {
    expect(
      summary(
        changed((m) => {
          op(m, 'getUser').params[0].type = { kind: 'primitive', type: 'number' };
          op(m, 'getUser').http.verb = 'GET';
          op(m, 'createUser').response = 'UserRespDto';
        }),
      ).changes,
    ).toEqual([
      'breaking operation.response-changed ManagementClient.createUser: response type changed from `none` to `UserRespDto`',
      'breaking operation.http-changed ManagementClient.getUser: endpoint changed from `POST /api/v3/getUser` to `GET /api/v3/getUser`',
      'breaking param.type-changed ManagementClient.getUser(userId): type changed from `string` to `number`',
    ]);
  });

  it('judges required-ness of fields by where the structure travels', () => {
    // Response fields: becoming optional breaks readers; becoming required does not.
    expect(summary(changed((m) => (m.structures.UserDto.fields[0].required = false))).changes).toEqual([
      'breaking field.became-optional UserDto.gender: became optional',
    ]);
    expect(summary(changed((m) => (m.structures.UserDto.fields[1].required = true))).changes).toEqual([
      'feature field.became-required UserDto.nickname: became required',
    ]);
    // Request fields: the other way round.
    expect(summary(changed((m) => (m.structures.ProfileDto.fields[1].required = true))).changes).toEqual([
      'breaking field.became-required ProfileDto.phone: became required',
    ]);
    expect(summary(changed((m) => m.structures.ProfileDto.fields.push(field('email', { required: true })))).changes).toEqual([
      'breaking field.added-required ProfileDto.email: required field added',
    ]);
    expect(summary(changed((m) => m.structures.UserDto.fields.push(field('email', { required: true })))).changes).toEqual([
      'feature field.added UserDto.email: required field added',
    ]);
  });

  it('reports a removed response field and a removed operation once, not per member', () => {
    expect(
      summary(
        changed((m) => {
          m.structures.UserDto.fields.pop();
          m.clients[0].operations = m.clients[0].operations.filter((o) => o.name !== 'createUser');
          delete m.structures.ProfileDto;
        }),
      ).changes,
    ).toEqual([
      'breaking operation.removed ManagementClient.createUser: operation removed',
      'breaking structure.removed ProfileDto: structure removed',
      'breaking field.removed UserDto.nickname: field removed',
    ]);
  });

  it('reports an added operation once', () => {
    expect(summary(changed((m) => m.clients[0].operations.push(operation('deleteUser', { params: [field('userId', { required: true })] }))))).toEqual({
      bump: 'minor',
      changes: ['feature operation.added ManagementClient.deleteUser: operation added'],
    });
  });

  it('points each change at the page it comes from', () => {
    const { changes } = diffModels(baseline(), changed((m) => op(m, 'getUser').params.pop()));
    expect(changes[0].source).toEqual({ file: 'page.md', section: 'params' });
  });

  it('stops CI at the requested level', () => {
    const docsOnly = diffModels(baseline(), changed((m) => (op(m, 'getUser').summary = 'x')));
    expect(hasChangeAtLeast(docsOnly, 'docs')).toBe(true);
    expect(hasChangeAtLeast(docsOnly, 'feature')).toBe(false);
    expect(hasChangeAtLeast(docsOnly, 'breaking')).toBe(false);
  });
});

import { describe, expect, test } from 'vitest';
import { planSdk } from '../../generator/emit/plan.js';
import { model, operation, structure } from '../support/model.js';

const RUNTIME = ['ApiError', 'HttpClient', 'ClientOptions'];

describe('planSdk', () => {
  test('structures and clients sorted; params named after methods', () => {
    const plan = planSdk(
      model(
        [operation('listUsers'), operation('createUser'), operation('signin', { client: 'AuthenticationClient' })],
        [structure('UserDto', []), structure('AppDto', [])],
      ),
      RUNTIME,
    );
    expect(plan.structures.map((s) => [s.typeName, s.stem])).toEqual([['AppDto', 'AppDto'], ['UserDto', 'UserDto']]);
    expect(plan.clients.map((c) => [c.className, c.stem, c.operations.map((o) => [o.methodName, o.paramsTypeName])])).toEqual([
      ['AuthenticationClient', 'AuthenticationClient', [['signin', 'SigninParams']]],
      ['ManagementClient', 'ManagementClient', [['createUser', 'CreateUserParams'], ['listUsers', 'ListUsersParams']]],
    ]);
  });

  test('exported names never clash: runtime names, structures, classes, params', () => {
    const plan = planSdk(
      model(
        [
          operation('getAuthorizedResources'),
          operation('getAuthorizedResources', { client: 'AuthenticationClient' }),
          operation('create', { client: 'ApiError' }),
        ],
        [structure('ApiError', []), structure('CreateParams', []), structure('ManagementClient', [])],
      ),
      RUNTIME,
    );
    expect(plan.structures.map((s) => s.typeName)).toEqual(['ApiError2', 'CreateParams', 'ManagementClient']);
    expect(plan.clients.map((c) => c.className)).toEqual(['ApiError3', 'AuthenticationClient', 'ManagementClient2']);
    expect(plan.clients.flatMap((c) => c.operations.map((o) => o.paramsTypeName))).toEqual([
      'ApiError3CreateParams',
      'GetAuthorizedResourcesParams',
      'ManagementClient2GetAuthorizedResourcesParams',
    ]);
  });

  test('the same method on two clients: the later client prefixes its params type', () => {
    const plan = planSdk(model([operation('getAuthorizedResources'), operation('getAuthorizedResources', { client: 'AuthenticationClient' })]), RUNTIME);
    expect(plan.clients.map((c) => c.operations[0].paramsTypeName)).toEqual(['GetAuthorizedResourcesParams', 'ManagementGetAuthorizedResourcesParams']);
  });

  test('methods unique within a class; constructor is renamed', () => {
    const plan = planSdk(model([operation('constructor'), operation('get-user'), operation('get_user')]), RUNTIME);
    expect(plan.clients[0].operations.map((o) => o.methodName)).toEqual(['constructor_', 'get_user', 'get_user2']);
  });

  test('file names: case-insensitive unique, not index/runtime, not device names', () => {
    const plan = planSdk(
      model([operation('a', { client: 'index' }), operation('b', { client: 'Runtime' })], [structure('userDto', []), structure('UserDto', []), structure('CON', [])]),
      RUNTIME,
    );
    expect(plan.structures.map((s) => s.stem)).toEqual(['CON_', 'UserDto', 'userDto2']);
    expect(plan.clients.map((c) => c.stem)).toEqual(['Runtime2', 'index2']);
  });

  test('hostile structure names become identifiers that stay inside their folder', () => {
    const plan = planSdk(model([], [structure('../../x', []), structure('/etc/passwd', [])]), RUNTIME);
    expect(plan.structures.map((s) => [s.typeName, s.stem])).toEqual([['_x', '_x'], ['_etc_passwd', '_etc_passwd']]);
  });

  test('a paginated operation gets an iterator name after every operation has its own', () => {
    const pagination = { pageParam: 'page', sizeParam: 'limit', itemsPath: ['list'], totalPath: ['total'] };
    const plan = planSdk(model([operation('listUsers', { pagination }), operation('listUsersIterate'), operation('listRoles', { pagination })], []), RUNTIME);
    expect(plan.clients[0].operations.map((o) => [o.methodName, o.iterateName])).toEqual([
      ['listRoles', 'listRolesIterate'],
      ['listUsers', 'listUsersIterate2'],
      ['listUsersIterate', undefined],
    ]);
  });
});

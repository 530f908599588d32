import { describe, expect, it } from 'vitest';
import { candidatePaths, candidateRoutes, candidateVerbs, fillTemplates, pathPattern } from '../../generator/evidence/candidates.js';
import { operation } from '../support/model.js';

const page = (file: string, verb: 'GET' | 'POST' = 'GET') =>
  operation('x', { source: { file, section: 'method' }, http: { verb, path: `/api/v3/${encodeURIComponent(file.replace(/^.*\//, '').replace(/\.md$/, ''))}` } });

describe('candidate routes', () => {
  it('tries the inferred path first, then every way to restore "/", fewest first, leftmost first', () => {
    expect(candidatePaths(page('m/get-user-login-history.md'))).toEqual([
      '/api/v3/get-user-login-history',
      '/api/v3/get/user-login-history',
      '/api/v3/get-user/login-history',
      '/api/v3/get-user-login/history',
      '/api/v3/get/user/login-history',
      '/api/v3/get/user-login/history',
      '/api/v3/get-user/login/history',
      '/api/v3/get/user/login/history',
    ]);
  });

  it('is bounded: at most --max-paths paths, the fewest slashes kept', () => {
    const paths = candidatePaths(page('m/a-b-c-d-e-f-g-h-i-j.md'), 10);
    expect(paths).toHaveLength(10);
    expect(paths.slice(0, 2)).toEqual(['/api/v3/a-b-c-d-e-f-g-h-i-j', '/api/v3/a/b-c-d-e-f-g-h-i-j']);
    expect(candidatePaths(page('m/a-b-c-d-e-f-g-h-i-j.md'))).toHaveLength(64);
  });

  it('keeps {name} segments of the file name as path parameters, filled with a value no resource has when probing', () => {
    const paths = candidatePaths(page('m/users-{userId}.md'));
    expect(paths).toEqual(['/api/v3/users-%7BuserId%7D', '/api/v3/users/{userId}']);
    expect(fillTemplates(paths[1])).toBe('/api/v3/users/docsdk-probe');
    expect(pathPattern(paths[1]).test('/api/v3/users/u-1')).toBe(true);
    expect(pathPattern(paths[1]).test('/api/v3/users/u/1')).toBe(false);
  });

  it('encodes what a file name holds beyond that, segment by segment', () => {
    expect(candidatePaths(page('m/a b-c?d.md'))).toEqual(['/api/v3/a%20b-c%3Fd', '/api/v3/a%20b/c%3Fd']);
  });

  it('the inferred verb first, then the others; only what the page shows when it shows it', () => {
    expect(candidateVerbs(page('m/a.md', 'POST'))).toEqual(['POST', 'GET', 'PUT', 'PATCH', 'DELETE']);
    const shown = operation('x', { http: { verb: 'PUT', path: '/v1/things/{id}' }, inferred: [] });
    expect(candidateRoutes(shown)).toEqual([{ verb: 'PUT', path: '/v1/things/{id}' }]);
  });
});

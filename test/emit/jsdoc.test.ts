import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { fencedCode } from '../../generator/parse/cells.js';
import { loadModel } from '../../generator/pipeline.js';
import { fieldDoc, operationDoc, structureDoc } from '../../generator/emit/jsdoc.js';
import { field, operation, structure } from '../support/model.js';

describe('fieldDoc', () => {
  test('description, limits, default and example, in that order', () => {
    const doc = fieldDoc(field('ids', { description: 'IDs\nof users', maxItems: 50, default: 'a', example: '["x"]' }));
    expect(doc).toEqual(['IDs', 'of users', 'At most 50 items.', '@default "a"', '@example ["x"]']);
  });

  test('allowed values are listed unless the description lists every one', () => {
    expect(fieldDoc(field('t', { description: 'type: `a` or `b`', enum: ['a', 'b'] }))).toEqual(['type: `a` or `b`']);
    expect(fieldDoc(field('t', { description: 'type: `a`', enum: ['a', 'b'] }))).toEqual(['type: `a`', 'Known values: `a`, `b` (others are accepted).']);
    expect(fieldDoc(field('t', { description: 'type: `a`', enum: ['a', 'b'], enumClosed: true }))).toEqual(['type: `a`', 'Allowed values: `a`, `b`.']);
  });

  test('falsy defaults are kept, typed; empty examples are left out', () => {
    expect(fieldDoc(field('n', { description: '', default: 0, example: '' }))).toEqual(['@default 0']);
    expect(fieldDoc(field('b', { description: '', default: false }))).toEqual(['@default false']);
  });

  test('a multi-line example continues below its tag; nothing can close the comment', () => {
    expect(fieldDoc(field('x', { description: '*/ a', example: '{\n  "a": "*/"\n}' }))).toEqual(['*\\/ a', '@example {', '  "a": "*\\/"', '}']);
  });
});

describe('structureDoc', () => {
  test('names the structure, says when its fields are unknown, and where it is defined', () => {
    expect(structureDoc({ ...structure('User', []), seenIn: ['a.md', 'b.md'] })).toEqual([
      '`User` as the API reference pages define it.',
      'The docs list no fields for it.',
      'Shown on 2 pages.',
      '@see page.md',
    ]);
    expect(structureDoc({ ...structure('Gone', []), placeholder: true })[1]).toBe('Referenced by the docs but defined on no page: its fields are unknown.');
  });
});

describe('operationDoc', () => {
  test('a description equal to the summary is not repeated; no response, no envelope', () => {
    const op = operation('ping', { summary: 'Ping', description: 'Ping', http: { verb: 'GET', path: '/api/v3/ping' } });
    expect(operationDoc({ operation: op, params: [], responseTypeName: undefined, envelope: false })).toEqual([
      'Ping',
      '',
      '`GET /api/v3/ping`',
      '',
      '@param params - The request parameters.',
      '@param options - Per-call `signal`, `timeoutMs`, `maxRetries`, `retryNonIdempotent` and `headers`.',
      '@returns The response body (the page names no response type); `.withResponse()` gives it with the `Response`.',
      '@throws {ApiError} when the HTTP status is not 2xx (a subclass by status: `NotFoundError`, `RateLimitError`, …).',
      '@throws {ApiConnectionError} when no response came, after the retries (`TimeoutError` when an attempt ran out of time).',
      '@see Source page: ping.md',
    ]);
  });
});

describe('code blocks of a page description', () => {
  const fixture = (rel: string) => join(dirname(fileURLToPath(import.meta.url)), '../fixtures/corpus', rel);
  const listUsersDoc = async (rel: string) => {
    const { model } = await loadModel([fixture(rel)]);
    const op = model.clients[0].operations[0];
    return operationDoc({ operation: op, params: [], responseTypeName: undefined, envelope: false });
  };
  const block = (intro: string) => [intro, '', '```json', '{', '  "advancedFilter": [', '    {', '      "field": "loginsCount",', '      "operator": "GREATER",', '      "value": 10', '    }', '  ]', '}', '```'];

  test('stay in the JSDoc as fenced code, after the sentence that introduces them (Markdown source)', async () => {
    const doc = await listUsersDoc('zh/markdown/management/管理用户/list-users.md');
    const at = doc.indexOf('筛选登录次数大于 10 的用户：');
    expect(doc.slice(at, at + 13)).toEqual(block('筛选登录次数大于 10 的用户：'));
  });

  test('the same from the rendered HTML', async () => {
    const doc = await listUsersDoc('en/fragment/management/管理用户/list-users.html');
    const at = doc.indexOf('Filter users with more than 10 logins:');
    expect(doc.slice(at, at + 13)).toEqual(block('Filter users with more than 10 logins:'));
  });

  test('a fence inside the code cannot end the block', () => {
    expect(fencedCode('a\n```\nb', 'js')).toBe('````js\na\n```\nb\n````');
  });
});

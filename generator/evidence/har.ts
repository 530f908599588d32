// Reads HAR files (HTTP Archive 1.2, as browsers' devtools and Playwright's recordHar write
// them) into the few things evidence needs: method, URL path, query, status, time and JSON
// bodies. Headers are never read, so no credential (Authorization, cookies, API keys) can
// reach the evidence file. A file too large, not JSON or not a HAR is an error naming it
// (and the entry), and nothing of it is used.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/** HAR files larger than this are refused unread (config `maxHarBytes`). */
export const DEFAULT_MAX_HAR_BYTES = 64 * 1024 * 1024;

export interface HarEntry {
  /** 0-based index in `log.entries`, for diagnostics. */
  index: number;
  method: string;
  /** The URL's path, percent-encoded as sent. */
  path: string;
  query: [string, string][];
  status: number;
  started: string;
  requestBody?: unknown;
  responseBody?: unknown;
}

export interface HarCapture {
  /** The file as named on the command line. */
  file: string;
  /** sha256 of its bytes. */
  sha256: string;
  entries: HarEntry[];
}

export class HarError extends Error {}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON a body holds, or undefined when it is not JSON. */
function jsonBody(text: unknown, encoding: unknown): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text);
  } catch {
    return undefined;
  }
}

function readEntry(raw: unknown, index: number, file: string): HarEntry {
  const bad = (what: string) => new HarError(`${file}: log.entries[${index}]: ${what}`);
  if (!isObject(raw) || !isObject(raw.request) || !isObject(raw.response)) throw bad('not a HAR entry (request and response objects expected)');
  const { request, response } = raw;
  if (typeof request.method !== 'string' || typeof request.url !== 'string') throw bad('request.method and request.url must be strings');
  if (typeof response.status !== 'number') throw bad('response.status must be a number');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw bad(`request.url is not a URL: ${JSON.stringify(request.url.slice(0, 200))}`);
  }
  const postData = isObject(request.postData) ? request.postData : {};
  const content = isObject(response.content) ? response.content : {};
  const requestBody = jsonBody(postData.text, undefined);
  const responseBody = jsonBody(content.text, content.encoding);
  return {
    index,
    method: request.method.toUpperCase(),
    path: url.pathname,
    query: [...url.searchParams],
    status: response.status,
    started: typeof raw.startedDateTime === 'string' ? raw.startedDateTime : '',
    ...(requestBody !== undefined && { requestBody }),
    ...(responseBody !== undefined && { responseBody }),
  };
}

/** Reads one HAR file; throws HarError naming the file when it is too large, not JSON or not a HAR. */
export async function readHar(file: string, maxBytes = DEFAULT_MAX_HAR_BYTES, cwd = process.cwd()): Promise<HarCapture> {
  const path = resolve(cwd, file);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (e) {
    throw new HarError(`${file}: cannot read: ${(e as Error).message}`);
  }
  if (size > maxBytes) throw new HarError(`${file}: ${size} bytes, over the ${maxBytes}-byte limit (maxHarBytes); not read`);
  const bytes = await readFile(path);
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new HarError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(data) || !isObject(data.log) || !Array.isArray(data.log.entries)) throw new HarError(`${file}: not a HAR file (no log.entries list)`);
  return { file, sha256: createHash('sha256').update(bytes).digest('hex'), entries: data.log.entries.map((entry, i) => readEntry(entry, i, file)) };
}

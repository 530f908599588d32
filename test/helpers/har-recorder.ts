// A fetch that records what goes over the wire as HAR 1.2, the way browsers' devtools and
// Playwright's recordHar do: every header (Authorization and cookies included, as real
// captures have them), the request body and the response text.
export interface Har {
  log: { version: '1.2'; creator: { name: string; version: string }; entries: unknown[] };
}

const headerList = (headers: Headers) => [...headers].map(([name, value]) => ({ name, value }));

export function harRecorder(): { fetch: (url: string, init: RequestInit) => Promise<Response>; har: Har } {
  const har: Har = { log: { version: '1.2', creator: { name: 'docsdk-test-recorder', version: '1' }, entries: [] } };
  const recordingFetch = async (url: string, init: RequestInit): Promise<Response> => {
    const startedDateTime = new Date().toISOString();
    const started = performance.now();
    const requestHeaders = new Headers(init.headers);
    const response = await fetch(url, init);
    const text = await response.text();
    const body = typeof init.body === 'string' ? init.body : undefined;
    har.log.entries.push({
      startedDateTime,
      time: performance.now() - started,
      request: {
        method: init.method ?? 'GET',
        url,
        httpVersion: 'HTTP/1.1',
        headers: headerList(requestHeaders),
        queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
        cookies: [],
        headersSize: -1,
        bodySize: body?.length ?? 0,
        ...(body !== undefined && { postData: { mimeType: requestHeaders.get('content-type') ?? '', text: body } }),
      },
      response: {
        status: response.status,
        statusText: response.statusText,
        httpVersion: 'HTTP/1.1',
        headers: headerList(response.headers),
        cookies: [],
        content: { size: text.length, mimeType: response.headers.get('content-type') ?? '', text },
        redirectURL: '',
        headersSize: -1,
        bodySize: text.length,
      },
      cache: {},
      timings: { send: 0, wait: 0, receive: 0 },
    });
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return { fetch: recordingFetch, har };
}

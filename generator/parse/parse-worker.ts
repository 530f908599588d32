// Worker thread of parsePages (parallel.ts): parses the chunks it claims and posts them back.
import { parentPort, workerData } from 'node:worker_threads';
import { claimChunks, type ParsedChunk, type ParseWorkerData } from './parallel.js';
import { parsePage } from './page.js';

const { files, cursor } = workerData as ParseWorkerData;
claimChunks(cursor, files.length, (start, end) => {
  // Buffers arrive as plain Uint8Arrays; the parser reads them as such.
  const chunk: ParsedChunk = { start, results: files.slice(start, end).map(parsePage) };
  parentPort!.postMessage(chunk);
});

// Worker thread of parsePages (parallel.ts): parses the chunks it claims and posts them back.
import { parentPort, workerData } from 'node:worker_threads';
import { claimChunks, type ParsedChunk, type ParseWorkerData } from './parallel.js';
import { parsePageWith } from './page.js';

const { files, cursor, profile } = workerData as ParseWorkerData;
claimChunks(cursor, files.length, (start, end) => {
  // Buffers arrive as plain Uint8Arrays; the parser reads them as such.
  const chunk: ParsedChunk = { start, results: files.slice(start, end).map((file) => parsePageWith(file, { profile })) };
  parentPort!.postMessage(chunk);
});

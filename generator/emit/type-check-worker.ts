// Worker thread of startTypeCheck (background-check.ts): loads the compiler and its lib files
// while the main thread reads pages, then takes the SDK's files as they are emitted.
import { parentPort, workerData } from 'node:worker_threads';
import { loadTemplates } from './templates.js';
import { SdkProject } from './type-check.js';
import type { CheckRequest, CheckResponse, TypeCheckWorkerData } from './background-check.js';

const { templatesDir } = workerData as TypeCheckWorkerData;
// Warm up with the tsconfig.json the SDK will have, so the lib files parsed are the ones it uses.
const templates = await loadTemplates(templatesDir);
const started = performance.now();
const project = new SdkProject(templates['tsconfig.json']({}));
project.warm();
const warmupMs = performance.now() - started;

parentPort!.on('message', (request: CheckRequest) => {
  if ('file' in request) return project.setFile(...request.file);
  let response: CheckResponse;
  try {
    response = { errors: project.errors(), warmupMs };
  } catch (error) {
    response = { failed: (error as Error).message };
  }
  parentPort!.postMessage(response);
});

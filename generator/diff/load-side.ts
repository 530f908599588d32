// One side of `docsdk diff`: a model file, an openapi.json, a generated output folder (its
// docsdk-model.json), or doc pages (files, folders, globs) parsed on the spot.
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/types.js';
import type { Model } from '../model/types.js';
import { isModel, MODEL_FILE_NAME } from './model-file.js';
import { isOpenApiDocument, modelFromOpenApi } from './openapi-model.js';

export interface SideOptions {
  config?: Config;
  configFile?: string;
}

async function readModelJson(file: string): Promise<Model> {
  const data: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (isModel(data)) return data;
  if (isOpenApiDocument(data)) return modelFromOpenApi(data);
  throw new Error(`${file}: neither a docsdk model (modelVersion 1) nor an OpenAPI document`);
}

export async function loadSide(input: string, options: SideOptions = {}): Promise<Model> {
  const info = await stat(input).catch(() => undefined);
  if (info?.isFile() && /\.json$/i.test(input)) return readModelJson(input);
  if (info?.isDirectory() && existsSync(join(input, MODEL_FILE_NAME))) return readModelJson(join(input, MODEL_FILE_NAME));
  // Loaded only for pages: the parser is most of docsdk's start-up.
  const { loadModel } = await import('../pipeline.js');
  const { model } = await loadModel([input], options);
  const missing = model.diagnostics.find((d) => d.code === 'input.missing');
  if (missing) throw new Error(`${input}: ${missing.message}`);
  return model;
}

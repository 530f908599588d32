// Finds, reads and validates docsdk.config.json. Paths in the file are relative to the file,
// so a config works the same from any working directory.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../model/types.js';
import { checkConfig } from './validate.js';
import { CONFIG_FILE_NAME, DEFAULT_BASE_PATH, type Config, type DocsdkConfig } from './types.js';

export interface LoadedConfig {
  config: Config;
  /** Errors mean the file was not used: `config` then holds the defaults only. */
  diagnostics: Diagnostic[];
  /** Absolute path of the file read, if any. */
  file?: string;
}

const defaults = (): Config => ({ basePath: DEFAULT_BASE_PATH });

function resolvePaths(config: DocsdkConfig, dir: string): Config {
  const absolute = (p: string) => resolve(dir, p);
  return {
    ...defaults(),
    ...config,
    ...(config.inputs && { inputs: config.inputs.map(absolute) }),
    ...(config.out && { out: absolute(config.out) }),
    ...(config.templates && { templates: absolute(config.templates) }),
    ...(config.evidenceFile && { evidenceFile: absolute(config.evidenceFile) }),
  };
}

/**
 * Loads `file`, or `docsdk.config.json` in the working directory when it exists. No file
 * at all is fine (defaults); a named file that is missing, unreadable JSON, or a config the
 * schema rejects gives error diagnostics naming the offending key.
 */
export async function loadConfig(file?: string): Promise<LoadedConfig> {
  const path = resolve(file ?? CONFIG_FILE_NAME);
  if (file === undefined && !existsSync(path)) return { config: defaults(), diagnostics: [] };
  // Diagnostics name the file as the user wrote it.
  const shown = file ?? CONFIG_FILE_NAME;
  const fail = (code: string, message: string): LoadedConfig => ({
    config: defaults(),
    diagnostics: [{ severity: 'error', code, message, file: shown }],
    file: path,
  });

  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return fail('config.unreadable', `cannot read config: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail('config.json', `not valid JSON: ${(e as Error).message}`);
  }
  const { config, diagnostics } = checkConfig(data, shown);
  if (!config) return { config: defaults(), diagnostics, file: path };
  return { config: resolvePaths(config, dirname(path)), diagnostics, file: path };
}

import { loadConfig, type LoadedConfig } from '../config/load.js';
import { countDiagnostics, printDiagnostics } from '../report/diagnostics.js';

/** The config a command runs with; undefined (errors printed, exit code 2) when the file is unusable. */
export async function usableConfig(file: string | undefined): Promise<LoadedConfig | undefined> {
  const loaded = await loadConfig(file);
  if (!countDiagnostics(loaded.diagnostics).errors) return loaded;
  printDiagnostics(loaded.diagnostics, false);
  process.exitCode = 2;
  return undefined;
}

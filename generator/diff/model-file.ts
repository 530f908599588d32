// The model `generate` keeps in its output folder, apart from the readers of the other sides
// of a diff: a generate run needs its name and shape check without loading the OpenAPI reader.
import type { Model } from '../model/types.js';

/** The model file `generate` keeps in its output folder, read back by the next run's diff. */
export const MODEL_FILE_NAME = 'docsdk-model.json';

/** A docsdk model of the version this docsdk reads. */
export function isModel(data: unknown): data is Model {
  return typeof data === 'object' && data !== null && (data as Model).modelVersion === 1 && Array.isArray((data as Model).clients);
}

// docsdk as a library: the pipeline's stages, for tools that drive it without the CLI.
export { loadModel, type LoadOptions, type LoadResult } from './pipeline.js';
export { parsePage, type PageResult } from './parse/page.js';
export { buildModel } from './model/build.js';
export { inferItemsFromSamples } from './model/sample-items.js';
export { toOpenApi } from './openapi/export.js';
export { emitSdk } from './emit/sdk.js';
export { writeOutput } from './write/atomic.js';
export { diffModels } from './diff/changes.js';
export { loadConfig } from './config/load.js';
export { applyOverrides } from './config/overrides.js';
export type * from './model/types.js';
export { applyEvidence, type EvidenceInput } from './evidence/apply.js';
export { loadEvidence, writeEvidence } from './evidence/file.js';
export { readHar } from './evidence/har.js';
export { Prober, probeTarget, probeTargets } from './evidence/probe.js';
export { DEFAULT_LIMITS, type ProbeLimits } from './evidence/probe-defaults.js';
export type * from './evidence/types.js';

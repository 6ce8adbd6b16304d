export { cleanDocument, cleanText } from "./pipeline/clean.js";
export { assemble } from "./pipeline/assemble.js";
export { segment } from "./pipeline/segment.js";
export { DETECTORS } from "./detectors/registry.js";
export type { DetectorMeta } from "./detectors/types.js";
export type { CleanOptions, CleanedDocument, CorpusContext, Line, LineDecision, Mode, Removal } from "./pipeline/types.js";

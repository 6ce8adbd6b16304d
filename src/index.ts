export { cleanDocument, cleanText } from "./pipeline/clean.js";
export { assemble } from "./pipeline/assemble.js";
export { segment } from "./pipeline/segment.js";
export type { CleanOptions, CleanedDocument, CorpusContext, Line, LineDecision, Mode, Removal } from "./pipeline/types.js";
export * from "./corpus/index.js";

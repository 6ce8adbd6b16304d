export { cleanDocument, cleanText } from "./pipeline/clean.js";
export { assemble } from "./pipeline/assemble.js";
export { segment } from "./pipeline/segment.js";
export { DETECTORS } from "./detectors/registry.js";
export type { DetectorMeta } from "./detectors/types.js";
export type { CleanOptions, CleanedDocument, CorpusContext, Line, LineDecision, Mode, Removal } from "./pipeline/types.js";
// Corpus-level cleaning (docs/corpus.md): site statistics learned over many pages, duplicate pages.
export { applyPlan, cleanCorpus, cleanWithContext, keptLines, PageIndex, ProfileError, SiteProfile } from "./corpus/index.js";
export type {
  Cluster, ClusterMember, CorpusCleanOptions, CorpusCleanResult, CorpusDocument, DedupOptions, DedupPlan, DedupStats,
  DuplicateReason, PageInfo, SiteProfileStats, SiteThresholds,
} from "./corpus/index.js";

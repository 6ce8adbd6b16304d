/** Corpus-level cleaning: what spans documents (site boilerplate, duplicate pages). See docs/corpus.md. */
export { SiteProfile, ProfileError, SITE_MIN_PAGES, SITE_MIN_SHARE, PROFILE_VERSION } from "./site-profile.js";
export type { SiteProfileStats, SiteThresholds } from "./site-profile.js";
export {
  PageIndex, DedupPlan, NEAR_DUP_THRESHOLD, CONTAINMENT_THRESHOLD, MIN_PARAGRAPH_CHARS, MIN_SHINGLES,
  DUPLICATE_PAGE, CROSS_DOC_PARAGRAPH,
} from "./dedup.js";
export type { Cluster, ClusterMember, DedupOptions, DedupStats, DuplicateReason, PageInfo } from "./dedup.js";
export { applyPlan, cleanCorpus, cleanWithContext, indexLines, keptLines } from "./apply.js";
export type { CorpusCleanOptions, CorpusCleanResult, CorpusDocument } from "./apply.js";
export { compareNatural, fileKey } from "./order.js";
export { normalizeLine } from "./normalize.js";

import { meta as chrome } from "./chrome.js";
import { meta as classifier } from "./classifier.js";
import { meta as commentWidget } from "./comment-widget.js";
import { meta as exactDuplicate } from "./exact-duplicate.js";
import { meta as nearDuplicate } from "./near-duplicate.js";
import { meta as siteBoilerplate } from "./site-boilerplate.js";
import type { DetectorMeta } from "./types.js";

/** Every detector, in the order their removals take precedence when several flag one line (docs/detectors.md). */
export const DETECTORS: readonly DetectorMeta[] = [
  exactDuplicate,
  commentWidget,
  chrome,
  siteBoilerplate,
  classifier,
  nearDuplicate,
];

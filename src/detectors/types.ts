import type { LineFeatures } from "../pipeline/features.js";
import type { Line, Mode } from "../pipeline/types.js";

/**
 * What every detector declares (ESLint-style metadata). The registry, the files in this folder and the
 * table in docs/detectors.md must agree; test/detectors/registry.test.ts checks it.
 */
export interface DetectorMeta {
  /** Kebab-case id, equal to the file name without `.ts`; it is `Removal.detector`. */
  readonly id: string;
  readonly description: string;
  /** ISO 639-1 codes the detector has vocabulary for, or "any" when it works from shape alone. */
  readonly languages: readonly string[] | "any";
  /** Reason id → one-line meaning; every `Removal.reason` the detector emits is a key here. */
  readonly reasons: Readonly<Record<string, string>>;
}

/** A document as the detectors see it: lines, their features (undefined for blank lines), language, mode. */
export interface DocView {
  readonly lines: readonly Line[];
  readonly features: readonly (LineFeatures | undefined)[];
  /** ISO 639-3 as franc reports it, or what the caller forced. */
  readonly lang: string;
  readonly mode: Mode;
}


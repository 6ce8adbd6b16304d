import { authorBio, meta as chromeMeta } from "../detectors/chrome.js";
import { calibrate, classify, isClearArticle, meta as classifierMeta } from "../detectors/classifier.js";
import { meta as commentMeta, type CommentEvidence } from "../detectors/comment-widget.js";
import { meta as exactMeta } from "../detectors/exact-duplicate.js";
import {
  ContainmentIndex, CoverageIndex, COVERED_SHARE, meta as nearMeta, TEASER_MIN_WORDS, TEASER_SHARE, teaserTokens,
  TITLE_SHARE, titleLike,
} from "../detectors/near-duplicate.js";
import type { DocView } from "../detectors/types.js";
import { assemble } from "./assemble.js";
import { inDocument } from "./features.js";
import { detectLanguageRanked, stopwordsFor } from "./language.js";
import { bigramsOf, chromeOf, commentOf, dupKeyOf, factsOf, stopwordsOf, trigramsOf, type DocumentFacts, type LineFacts } from "./line-facts.js";
import { mapPacked } from "./packed.js";
import { segment } from "./segment.js";
import type { CleanOptions, CleanedDocument, LineDecision, Removal } from "./types.js";

/**
 * A weak comment marker ("Comments", "3 Kommentare") opens a section only when comment evidence
 * (a form line or another marker) follows within this many non-blank lines; alone it may be a counter.
 */
export const WEAK_MARKER_CONFIRM_LINES = 12;
/**
 * A marker opens the comment section only after this much article text (weighted characters of lines
 * the classifier calls good on their own): "Join the conversation" or "12 comments" links in an article
 * header must not swallow the article below them. 500 ≈ two short paragraphs.
 */
export const COMMENT_MIN_ARTICLE_BEFORE = 300;

/** Chrome families that sit inside an article's text rather than around it. */
export const INLINE_CHROME: ReadonlySet<string> = new Set(["credit", "teaser", "ad"]);

/**
 * Detector ids, and the removals that carry nothing but a reason, as module constants rather than made
 * where a line is removed: V8 compiles code that has not run yet as a deopt, and the branches of rare
 * removals (an author's bio, a repeated title), reached late, made it compile cleanOnce again
 * (--trace-deopt). Removals are read-only, so lines may share one.
 */
const CHROME = chromeMeta.id, CLASSIFIER = classifierMeta.id, COMMENT = commentMeta.id, EXACT = exactMeta.id, NEAR = nearMeta.id;
const ABOUT_AUTHOR: Removal = { detector: CHROME, reason: "about-author" };
const COMMENT_FORM: Removal = { detector: COMMENT, reason: "comment-form" };
const COMMENT_META: Removal = { detector: COMMENT, reason: "comment-meta" };
const COMMENT_MARKER: Removal = { detector: COMMENT, reason: "comment-marker" };

/**
 * Lines, features and language (what every detector reads), and the cached facts of each non-blank
 * line (see line-facts.ts).
 */
function analyse(text: string, options: CleanOptions, own: DocumentFacts): { doc: DocView; facts: (LineFacts | undefined)[] } {
  const lines = segment(text);
  const facts = mapPacked(lines, (l) => (l.blank ? undefined : factsOf(l.text, own)));
  const lang = options.lang ?? detectLanguageRanked(mapPacked(lines, (l) => l.text), mapPacked(facts, (x) => x?.letters ?? 0));
  const stop = stopwordsFor(lang);
  const n = lines.length;
  const features = mapPacked(facts, (x, i) => (x ? inDocument(x.local, stopwordsOf(x, stop), i, n) : undefined));
  return { doc: { lines, features, lang, mode: options.mode ?? "balanced" }, facts };
}

/**
 * Clear article text resumes after a marker when this much good text (weighted characters) follows it
 * within COMMENT_LOOKAHEAD_LINES lines and no other comment evidence does: the marker was a counter or a
 * link ("11 Comments" above the story), not the head of a comment section.
 */
export const RESUME_MIN_ARTICLE = 800;
export const COMMENT_LOOKAHEAD_LINES = 30;

/** Where the comment section starts (index of its marker), or -1. */
function commentSectionStart(
  doc: DocView, evidence: readonly CommentEvidence[], initialGood: readonly boolean[], prose: readonly boolean[], rare?: (line: string) => boolean,
): number {
  const n = doc.lines.length;
  let goodBefore = 0;
  let previous = -1; // the previous non-blank line
  for (let i = 0; i < n; i++) {
    const e = evidence[i];
    // Markers and form notices open the section once one more piece of evidence stands close below
    // (forms stand above or below the comments they collect). Field labels and bylines also appear in
    // share bars and article headers, so they open it only with two more pieces below.
    // With corpus evidence, a byline unique to this page does not open the section: the site's comment
    // widget (its markers, forms, field labels) does. An article line shaped like a byline ("… at 5:28
    // am") must not take the article below it down to the widget.
    if (e && goodBefore >= COMMENT_MIN_ARTICLE_BEFORE && !(e === "meta" && rare?.(doc.lines[i]!.text))) {
      const need = e === "field" || e === "meta" ? 2 : 1;
      // A byline or field label inside prose is confirmed only by evidence that stands no further
      // off than a comment's body (META_MAX_PROSE_BETWEEN): further evidence opens its own section.
      const inProse = need === 2 && previous >= 0 && prose[previous] === true;
      let seen = 0, confirmations = 0, goodAfter = 0, crossed = 0;
      for (let j = i + 1; j < n && seen < COMMENT_LOOKAHEAD_LINES; j++) {
        if (doc.lines[j]!.blank) continue;
        seen++;
        if (inProse && prose[j] && ++crossed > META_MAX_PROSE_BETWEEN) break;
        if (evidence[j] && seen <= WEAK_MARKER_CONFIRM_LINES) confirmations++;
        if (initialGood[j]) goodAfter += doc.features[j]!.weight;
      }
      if (confirmations >= need || (e === "strong-marker" && goodAfter < RESUME_MIN_ARTICLE)) return i;
    }
    if (initialGood[i]) goodBefore += doc.features[i]!.weight;
    if (!doc.lines[i]!.blank) previous = i;
  }
  return -1;
}

/**
 * A comment byline ("June 3, 2020 at 4:12 pm", "3 days ago") stands among other comment evidence: more
 * bylines, reply buttons, a marker, a form. With no other evidence within this many non-blank lines on
 * either side it is not a widget's: a dateline, a timestamp in a list or a headline that ends on a time.
 * The classifier judges such a line like any other.
 */
export const META_COMPANY_LINES = 15;
/**
 * A comment's body stands between its byline and the next piece of evidence (a reply button, the next
 * byline): one paragraph of clear article text may lie between a byline and its company, two may not.
 * Two paragraphs of prose are an article, and a byline-shaped line in it (a dateline, "… at 5:28 am")
 * is not confirmed by the comment form below the article. Bench sample (2,000 pages): the comment
 * widgets' bylines all have company within 3 lines with no such paragraph between.
 */
export const META_MAX_PROSE_BETWEEN = 1;
/**
 * With corpus evidence, a byline unique to its page needs its site's widget (evidence lines the site
 * repeats) within this many non-blank lines: the widget stands around the comments, a marker right
 * above the first byline, a reply button one comment body below it. Bench sample (2,000 pages): of the
 * widgets' page-unique bylines with a repeated widget line within 15 lines, 99 of 102 have it within 5;
 * of the article lines shaped like bylines, 97 of 161 have it 6 or more lines off (the form below).
 * Evidence above the byline counts only after the article's first prose (a count or a form label in
 * the page header heads nothing), and a section head ("3 Comments") only above it: it heads what follows.
 */
export const WIDGET_COMPANY_LINES = 5;

/**
 * Clears `meta` evidence that has no other comment evidence within META_COMPANY_LINES non-blank lines,
 * reached without crossing more than META_MAX_PROSE_BETWEEN lines of `prose` (clear article text).
 */
export function loneMetaCleared(
  doc: DocView, evidence: readonly CommentEvidence[], prose: readonly boolean[] = [], rare?: (line: string) => boolean,
): CommentEvidence[] {
  const idx: number[] = [];
  doc.lines.forEach((l, i) => { if (!l.blank) idx.push(i); });
  const out = evidence.slice();
  // Where the article's prose starts: a comment count above it is a link in the page header.
  let firstProse = idx.findIndex((i) => prose[i]);
  if (firstProse < 0) firstProse = idx.length;
  for (let k = 0; k < idx.length; k++) {
    if (evidence[idx[k]!] !== "meta") continue;
    // A byline heads its comment: below it, the body may run to any length before the next evidence.
    // Only a byline with prose right above it may be a line inside an article's text.
    const inProse = k > 0 && prose[idx[k - 1]!] === true;
    // With corpus evidence, a byline unique to this page is confirmed only by the site's own comment
    // widget: evidence the site repeats (its markers, form, reply buttons). Byline-shaped lines that
    // are all unique to the page confirm nothing; they are as likely datelines of the article.
    const widgetOnly = rare !== undefined && rare(doc.lines[idx[k]!]!.text);
    let company = false;
    for (const step of [-1, 1]) {
      let crossed = 0;
      const reach = widgetOnly ? WIDGET_COMPANY_LINES : META_COMPANY_LINES;
      for (let j = k + step, d = 1; !company && j >= 0 && j < idx.length && d <= reach; j += step, d++) {
        const e = evidence[idx[j]!];
        // The widget stands after the article's first prose: in the page header above it, a comment
        // count or a form label (a newsletter's "Email", "Submit") heads nothing. A section head
        // ("3 Comments") stands above its comments: below a byline it heads nothing of it.
        const head = e === "weak-marker" || e === "strong-marker";
        if (e) company = !widgetOnly || (!rare!(doc.lines[idx[j]!]!.text) && (step < 0 ? j > firstProse : !head));
        else if (inProse && prose[idx[j]!] && ++crossed > META_MAX_PROSE_BETWEEN) break;
      }
    }
    if (!company) out[idx[k]!] = undefined;
  }
  return out;
}

/** Lines that are clear article text on their own (see isClearArticle), with thresholds calibrated on the page less `anchors`. */
function clearArticleLines(doc: DocView, anchors: readonly boolean[]): boolean[] {
  const { thresholds, hasStoplist } = calibrate(doc, anchors);
  return mapPacked(doc.features, (f, i) => Boolean(f && !anchors[i] && isClearArticle(f, hasStoplist, thresholds)));
}

/**
 * An author's bio closes the article: a bio-shaped line ("X is a senior writer for Y") is removed when no
 * prose (a line that is article text on its own, or a borderline sentence) follows within this many
 * non-blank lines. Dev set (npm run eval) when it came: with 94.77 → 94.98, w/out 73.08 → 73.40.
 */
export const BIO_LOOKAHEAD_LINES = 15;

function authorBios(doc: DocView, anchors: readonly boolean[], initial: readonly string[]): boolean[] {
  const out: boolean[] = new Array(doc.lines.length).fill(false);
  for (let i = 0; i < doc.lines.length; i++) {
    const f = doc.features[i];
    if (!f || anchors[i] || !authorBio(doc.lines[i]!.text, f)) continue;
    let seen = 0, articleAfter = false;
    for (let j = i + 1; j < doc.lines.length && seen < BIO_LOOKAHEAD_LINES && !articleAfter; j++) {
      if (!doc.features[j]) continue;
      seen++;
      if (!anchors[j] && (initial[j] === "good" || (initial[j] === "near" && doc.features[j]!.terminal))) articleAfter = true;
    }
    out[i] = !articleAfter;
  }
  return out;
}

/**
 * Passes at the most until the kept text is a fixed point. Context rules (document edges, neighbours)
 * see different surroundings once chrome is gone, so one pass can leave lines that a second pass
 * removes; users run `winnow check` on cleaned output and expect it to pass. Measured on the dev set:
 * see the commit that introduced it.
 */
export const MAX_PASSES = 3;

export function cleanDocument(text: string, options: CleanOptions = {}): CleanedDocument {
  const own: DocumentFacts = new Map();
  const first = cleanOnce(text, options, own);
  const lines = [...first.lines];
  const opts = { ...options, lang: first.lang };
  // Later passes see the page without its template: whether the site profile knows this page is
  // decided once, on the page as it came.
  const template = first.template;
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    // The kept non-blank lines, in order, are the non-blank lines of the re-cleaned text.
    const keptAt: number[] = [];
    lines.forEach((l, i) => { if (l.keep && !l.blank) keptAt.push(i); });
    if (keptAt.length === 0) break;
    const again = cleanOnce(assemble(lines), opts, own, template).lines.filter((l) => !l.blank);
    // Line numbers of this pass's text → the original document's (for `ref`).
    const original = new Map(again.map((l, k) => [l.number, lines[keptAt[k]!]!.number]));
    let changed = false;
    again.forEach((l, k) => {
      const i = keptAt[k]!;
      if (l.keep && l.overruled && !lines[i]!.overruled) lines[i] = { ...lines[i]!, overruled: l.overruled };
      if (l.keep || !l.removal) return;
      const removal = typeof l.removal.ref === "number" ? { ...l.removal, ref: original.get(l.removal.ref)! } : l.removal;
      lines[i] = { ...lines[i]!, keep: false, removal, ...(l.score !== undefined && { score: l.score }) };
      changed = true;
    });
    if (!changed) break;
  }
  return { lang: first.lang, lines };
}

/**
 * A page shows its site's template when at least this many of its lines are ones the site repeats
 * (site boilerplate). Only then does a line's rarity on the site mean anything: a page of a site the
 * profile barely knows, or documents grouped into one "site" that share no template, make every line
 * look rare.
 */
export const TEMPLATE_MIN_LINES = 3;

/**
 * Removals that rest on the line's shape or its neighbours alone, or on inline chrome (a photo credit,
 * a "Read more: …" link) that stands between an article's paragraphs and reads like them: a line that
 * is on this page only among its site's pages is kept against them (site chrome repeats, article text
 * does not). Other lexicon chrome, comment forms and markers, duplicates and site boilerplate are
 * evidence of their own and are never overruled.
 */
export function overrulable(r: Removal): boolean {
  return r.detector === CLASSIFIER || (r.detector === CHROME && OVERRULABLE_CHROME.has(r.reason));
}
const OVERRULABLE_CHROME: ReadonlySet<string> = new Set(["credit", "teaser"]);

function cleanOnce(text: string, options: CleanOptions, own: DocumentFacts, knownTemplate?: boolean): CleanedDocument & { template: boolean } {
  const { doc, facts } = analyse(text, options, own);
  const { lines, features } = doc;
  const n = lines.length;
  const chrome: (Removal | undefined)[] = mapPacked(lines, (_, i) => {
    const reason = facts[i] && chromeOf(facts[i]);
    return reason ? { detector: CHROME, reason } : undefined;
  });
  const hook = options.corpus?.siteBoilerplate;
  const siteHit = hook ? mapPacked(lines, (l, i) => (features[i] ? hook(l.text) : undefined)) : [];
  let siteLines = 0;
  for (const hit of siteHit) if (hit) siteLines++;
  const template = knownTemplate ?? siteLines >= TEMPLATE_MIN_LINES;
  const rareOnSite = template ? options.corpus?.siteRare : undefined;
  const raw = mapPacked(facts, (x) => (x ? commentOf(x) : undefined));
  const prose = clearArticleLines(doc, mapPacked(lines, (_, i) => Boolean(chrome[i] || raw[i])));
  const evidence: CommentEvidence[] = loneMetaCleared(doc, raw, prose, rareOnSite);
  // The same per-document thresholds the classifier will use, for the site-boilerplate protection.
  const { thresholds: t, hasStoplist } = calibrate(doc, mapPacked(lines, (_, i) => Boolean(chrome[i] || evidence[i])));
  const site: (Removal | undefined)[] = mapPacked(lines, (_, i) => {
    const hit = siteHit[i];
    // Protection: see src/detectors/site-boilerplate.ts.
    return hit && !isClearArticle(features[i]!, hasStoplist, t) ? hit : undefined;
  });
  const anchors = mapPacked(lines, (_, i) => Boolean(chrome[i] || evidence[i] || site[i]));
  const boundaries = mapPacked(lines, (_, i) => {
    const r = chrome[i]?.reason;
    return r === "related" || r === "prev-next" || r === "about-author" || evidence[i] === "strong-marker";
  });
  // Credits, ad labels and inline "Read more: …" links stand between the paragraphs of an article: the
  // article region must not end at them.
  const inline = mapPacked(lines, (_, i) => INLINE_CHROME.has(chrome[i]?.reason ?? "") && !evidence[i] && !site[i]);
  const c = classify(doc, anchors, boundaries, inline);
  const sectionStart = commentSectionStart(doc, evidence, mapPacked(c.initial, (x, i) => x === "good" && !anchors[i]), prose, rareOnSite);

  const bios = authorBios(doc, anchors, c.initial);
  const removal: (Removal | undefined)[] = new Array(n).fill(undefined);
  const overruled: (Removal | undefined)[] = new Array(n).fill(undefined);
  const section: Removal | undefined = sectionStart >= 0 ? { detector: COMMENT, reason: "comment-section", ref: lines[sectionStart]!.number } : undefined;
  for (let i = 0; i < n; i++) {
    if (lines[i]!.blank) continue;
    const e = evidence[i];
    // One store per line, whichever rule decides (a store no page has reached yet compiles as a deopt).
    let r: Removal | undefined;
    if (e) r = e === "form" || e === "field" ? COMMENT_FORM : e === "meta" ? COMMENT_META : COMMENT_MARKER;
    else if (chrome[i]) r = chrome[i];
    else if (site[i]) r = site[i];
    else if (sectionStart >= 0 && i > sectionStart) r = section;
    else if (bios[i]) r = ABOUT_AUTHOR;
    else if (c.cls[i] === "bad") r = { detector: CLASSIFIER, reason: c.badReason[i] ?? "chrome-context", score: c.score[i]! };
    if (rareOnSite && r && overrulable(r) && rareOnSite(lines[i]!.text)) {
      overruled[i] = r;
      r = undefined;
    }
    removal[i] = r;
  }

  // Duplicates, in document order, against what is kept so far: a copy whose original was removed
  // stands in for it.
  const keptKeys = new Map<string, number>();
  const coverage = new CoverageIndex();
  const titles = new ContainmentIndex();
  for (let i = 0; i < n; i++) {
    const f = features[i];
    if (!f) continue;
    const key = dupKeyOf(facts[i]!);
    const first = key ? keptKeys.get(key) : undefined;
    if (first !== undefined) {
      removal[i] = { detector: EXACT, reason: "repeated-paragraph", ref: first };
      continue;
    }
    if (removal[i]) continue;
    const cov = coverage.coverage(f.tokens, trigramsOf(facts[i]!));
    if (cov >= COVERED_SHARE) {
      removal[i] = { detector: NEAR, reason: "covered-paragraph", score: Number(cov.toFixed(3)) };
      continue;
    }
    if (titleLike(f) && !f.truncated) {
      const best = titles.best(f.tokens, i, bigramsOf(facts[i]!));
      if (best && best.share >= TITLE_SHARE) {
        removal[i] = { detector: NEAR, reason: "repeated-title", score: Number(best.share.toFixed(3)), ref: lines[best.ref]!.number };
        continue;
      }
      titles.add(i, f.tokens, bigramsOf(facts[i]!));
    }
    // A truncated line is judged against the others below; if it covered them here, a title and
    // its teaser could each remove the other.
    if (f.truncated) continue;
    if (key) keptKeys.set(key, lines[i]!.number);
    coverage.add(f.tokens, trigramsOf(facts[i]!));
  }

  // Truncated teasers against every kept line, before or after them (the index only when a teaser
  // is there to look up: most pages have none).
  const teasers: number[] = [];
  for (let i = 0; i < n; i++) {
    const f = features[i];
    if (f && !removal[i] && f.truncated && teaserTokens(f).length >= TEASER_MIN_WORDS) teasers.push(i);
  }
  const kept = new ContainmentIndex();
  for (let i = 0; i < n && teasers.length > 0; i++) {
    const f = features[i];
    if (f && !removal[i] && !f.truncated) kept.add(i, f.tokens, bigramsOf(facts[i]!));
  }
  for (const i of teasers) {
    const toks = teaserTokens(features[i]!);
    const best = kept.best(toks, i);
    if (best && best.share >= TEASER_SHARE) {
      removal[i] = { detector: NEAR, reason: "truncated-teaser", score: Number(best.share.toFixed(3)), ref: lines[best.ref]!.number };
    }
  }

  // Literals, not spreads of `line` (same keys, same order): the spreads were 7% of the cleaning time.
  const decisions: LineDecision[] = mapPacked(lines, ({ number, text, blank }, i) => {
    if (blank) return { number, text, blank, keep: true };
    const r = removal[i];
    if (r) return { number, text, blank, keep: false, removal: r, score: c.score[i]! };
    const o = overruled[i];
    return o ? { number, text, blank, keep: true, score: c.score[i]!, overruled: o } : { number, text, blank, keep: true, score: c.score[i]! };
  });
  return { lang: doc.lang, lines: decisions, template };
}

export function cleanText(text: string, options: CleanOptions = {}): string {
  return assemble(cleanDocument(text, options).lines);
}

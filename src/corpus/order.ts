/**
 * The order that decides which copy of a duplicate is kept: it depends only on the documents' keys,
 * never on the order they were read in.
 *
 * Keys compare in natural order: runs of digits by numeric value ("page-9" < "page-10", "999999" <
 * "1000000"), everything else by UTF-16 code unit; equal natural keys fall back to plain code-unit
 * order, so the order is total.
 */
export function compareNatural(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let ei = i;
      let ej = j;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      let si = i;
      let sj = j;
      while (si < ei - 1 && a.charCodeAt(si) === 48) si++; // leading zeros
      while (sj < ej - 1 && b.charCodeAt(sj) === 48) sj++;
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (; si < ei; si++, sj++) {
        const d = a.charCodeAt(si) - b.charCodeAt(sj);
        if (d !== 0) return d;
      }
      i = ei;
      j = ej;
    } else {
      if (ca !== cb) return ca - cb;
      i++;
      j++;
    }
  }
  const rest = a.length - i - (b.length - j);
  if (rest !== 0) return rest;
  return a < b ? -1 : a > b ? 1 : 0;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The key of a document read from a plain file, whose id is its path: the file name first, then the
 * path. A dump laid out as `SITE/PAGE.txt` names pages by number or date, and the directory is the
 * site; ordering by the whole path would let the site's name decide which copy of a syndicated story
 * is kept.
 */
export function fileKey(path: string): string {
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return slash < 0 ? path : `${path.slice(slash + 1)}\u0000${path}`;
}

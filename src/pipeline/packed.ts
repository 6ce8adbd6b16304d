/**
 * Arrays the pipeline hands from function to function, built so that their hidden class does not
 * depend on how far V8 has optimised the code that built them.
 *
 * `Array.prototype.map` returns a packed array from the interpreter and a holey one from optimised
 * code (TurboFan's inlined `map` preallocates the result). So the arrays a document's lines travel in
 * changed class as soon as the function that mapped them was optimised, and every function reading
 * them (the classifier, the comment rules, the report) was deoptimised ("wrong map") and compiled
 * again, in every thread. --trace-opt --trace-deopt on 10 MB of the bench corpus, one thread: see the
 * commit that introduced this file. Built with `push`, an array is packed in both tiers.
 */

/** `a.map(f)`, always a packed array. */
export function mapPacked<T, U>(a: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < a.length; i++) out.push(f(a[i]!, i));
  return out;
}

/**
 * How the rule language compares and folds text, the same in the evaluator and in the SQL it
 * writes: strings order by Unicode code point (as SQL databases with a binary or C collation do,
 * where JavaScript's `<` orders by UTF-16 code unit and puts emoji before "｡"), and `ignoring
 * case` lowers each character on its own (as SQL's LOWER does, where `toLowerCase` writes a
 * Greek final sigma after a letter).
 */

/** A surrogate half: part of a character beyond U+FFFF, whose code unit misplaces it in UTF-16 order. */
const isSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdfff;

/** Orders two strings by code point: negative, zero or positive. */
export function compareCodePoints(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate starts a character above U+FFFF: above every code unit that is not one.
    const xs = isSurrogate(x);
    if (xs !== isSurrogate(y)) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Lower case, one character at a time: no context rules (Σ is σ at the end of a word too). */
export function foldCase(text: string): string {
  let folded = '';
  for (const character of text) folded += character.toLowerCase();
  return folded;
}

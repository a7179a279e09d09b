/** Below this many strings a group is sorted by comparing strings; above, by counting code units. */
const SMALL_GROUP = 24;
/** Past this many shared code units a group is sorted by comparing strings: counting would read every long shared prefix once per code unit. */
const DEEPEST = 32;

/** Orders strings by UTF-16 code units, as `<` does: the same order in every runtime and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Code unit `depth` of each string of the group, plus 1 (0 when the string is that short), in
 * `keys`; returns the largest key, or -1 when a key is past Latin-1 (the group is then compared
 * instead).
 */
function keysAt(texts: readonly string[], order: Int32Array, from: number, to: number, depth: number, keys: Int32Array): number {
  let largest = 0;
  for (let i = from; i < to; i++) {
    const text = texts[order[i] as number] as string;
    const key = depth < text.length ? text.charCodeAt(depth) + 1 : 0;
    if (key > 256) return -1;
    keys[i] = key;
    if (key > largest) largest = key;
  }
  return largest;
}

/** Sorts `order[from..to)`, whose strings share their first `depth` code units, by counting code unit `depth` (an MSD radix sort). */
function sortGroup(texts: readonly string[], order: Int32Array, spare: Int32Array, keys: Int32Array, counts: Int32Array[], from: number, to: number, depth: number): void {
  if (to - from <= SMALL_GROUP || depth >= DEEPEST) {
    order.subarray(from, to).sort((a, b) => compareText(texts[a] as string, texts[b] as string));
    return;
  }
  const largest = keysAt(texts, order, from, to, depth, keys);
  if (largest < 0) {
    order.subarray(from, to).sort((a, b) => compareText(texts[a] as string, texts[b] as string));
    return;
  }
  // Every string ended here: they are equal, and stay in input order.
  if (largest === 0) return;
  const count = (counts[depth] ??= new Int32Array(258));
  count.fill(0, 0, largest + 2);
  for (let i = from; i < to; i++) {
    const key = (keys[i] as number) + 1;
    count[key] = (count[key] as number) + 1;
  }
  for (let key = 0; key <= largest; key++) count[key + 1] = (count[key + 1] as number) + (count[key] as number);
  // count[key] is now where the group of `key` starts, relative to `from`.
  for (let i = from; i < to; i++) {
    const key = keys[i] as number;
    const at = from + (count[key] as number);
    count[key] = (count[key] as number) + 1;
    spare[at] = order[i] as number;
  }
  order.set(spare.subarray(from, to), from);
  // count[key] now ends the group of `key`; key 0 (strings that ended) is done.
  let start = from + (count[0] as number);
  for (let key = 1; key <= largest; key++) {
    const end = from + (count[key] as number);
    if (end - start > 1) sortGroup(texts, order, spare, keys, counts, start, end, depth + 1);
    start = end;
  }
}

/**
 * The indices of `texts` in the order of their strings by UTF-16 code units (the order of `<`,
 * the same in every runtime and locale); equal strings keep their input order. Strings of
 * Latin-1 characters, the usual ids, are sorted by counting characters (much faster than
 * comparing whole strings); other groups fall back to comparing.
 */
export function sortIndicesByText(texts: readonly string[]): Int32Array {
  const n = texts.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n > 1) sortGroup(texts, order, new Int32Array(n), new Int32Array(n), [], 0, n, 0);
  return order;
}

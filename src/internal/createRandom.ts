/**
 * Seeded pseudo-random numbers: the one source of randomness in clientele. Private maths,
 * never exported from the package index.
 *
 * The seed's text is hashed into two 32-bit lanes, a splitmix-style sequence spreads them over
 * the four words of an sfc32 state (Chris Doty-Humphrey's Small Fast Counting generator, which
 * passes PractRand and is a handful of 32-bit integer operations per draw), and the first few
 * outputs are thrown away so that similar seeds ("1", "2") start far apart.
 *
 * @module
 */

/** How many outputs are discarded after seeding, so the state is well mixed before the first draw. */
const WARM_UP_DRAWS = 16;

/** 2^-32, to turn a 32-bit unsigned integer into a fraction of one (exact: a power of two). */
const INVERSE_TWO_POW_32 = 1 / 4_294_967_296;

/** Murmur3's 32-bit finaliser: every input bit flips about half the output bits. */
function mix32(value: number): number {
  let z = value;
  z = Math.imul(z ^ (z >>> 16), 0x85eb_ca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2_ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Returns a pseudo-random number generator: a function that returns a number in [0, 1) on each
 * call, with 32 bits of resolution. The same seed always gives the same sequence, on every
 * platform. A number seed is read as its decimal text, so `42` and `'42'` give the same sequence.
 *
 * @param seed - Any number or text; the caller checks that a number is finite.
 * @returns A function returning the next number of the sequence, in [0, 1).
 */
export function createRandom(seed: number | string): () => number {
  const text = typeof seed === 'number' ? String(seed) : seed;
  // Hash the text into two lanes; each code unit passes through both with different multipliers.
  let h1 = 0x6a09_e667 ^ text.length;
  let h2 = 0xbb67_ae85 ^ Math.imul(text.length, 0x9e37_79b9);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 0x9e37_79b1);
    h1 = (h1 << 13) | (h1 >>> 19);
    h2 = Math.imul(h2 ^ code ^ h1, 0x85eb_ca77);
    h2 = (h2 << 17) | (h2 >>> 15);
  }
  h1 = mix32(h1 ^ Math.imul(h2, 0x27d4_eb2f));
  h2 = mix32(h2 ^ Math.imul(h1, 0x1656_67b1));

  // Spread the two lanes over four state words with a splitmix-style counter.
  let counter = h1;
  counter = (counter + 0x9e37_79b9) | 0;
  let a = mix32(counter ^ h2);
  counter = (counter + 0x9e37_79b9) | 0;
  let b = mix32(counter);
  counter = (counter + 0x9e37_79b9) | 0;
  let c = mix32(counter ^ h2);
  // The fourth word is sfc32's counter; it starts from the second lane.
  let d = h2 | 0;

  function next(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) * INVERSE_TWO_POW_32;
  }

  for (let draw = 0; draw < WARM_UP_DRAWS; draw++) next();
  return next;
}

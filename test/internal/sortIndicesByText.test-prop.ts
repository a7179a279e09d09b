import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortIndicesByText } from '../../src/internal/sortIndicesByText';

// The oracle: a stable comparison sort by `<` (UTF-16 code units), ties in input order.
function byComparing(texts: readonly string[]): number[] {
  return [...texts.keys()].sort((a, b) => ((texts[a] as string) < (texts[b] as string) ? -1 : (texts[a] as string) > (texts[b] as string) ? 1 : a - b));
}

// Ids as hosts write them: shared prefixes, digits, a few letters; some past Latin-1 and some
// surrogate pairs, so both the counting path and the comparing fall-back are exercised.
const idLike = fc.oneof(
  fc.integer({ min: 0, max: 999_999 }).map((n) => `c${String(n).padStart(6, '0')}`),
  fc.string({ unit: fc.constantFrom('a', 'b', 'A', '0', '9', '-', ' ', 'é', 'ÿ', '\u0000'), maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

describe('sortIndicesByText', () => {
  it('orders like a stable comparison sort by code units, for ids of every kind', () => {
    fc.assert(
      fc.property(fc.array(idLike, { maxLength: 300 }), (texts) => {
        expect(Array.from(sortIndicesByText(texts))).toEqual(byComparing(texts));
      }),
      { numRuns: 300 },
    );
  });

  it('handles many equal strings, strings that are prefixes of others, and prefixes longer than its counting depth', () => {
    const long = 'x'.repeat(200);
    const texts = [...Array.from({ length: 100 }, (_, i) => `${long}${i % 7}`), ...Array.from({ length: 60 }, () => 'same'), 'sam', 'same\u0000', '', 'samf'];
    expect(Array.from(sortIndicesByText(texts))).toEqual(byComparing(texts));
    expect(Array.from(sortIndicesByText([]))).toEqual([]);
    expect(Array.from(sortIndicesByText(['only']))).toEqual([0]);
  });
});

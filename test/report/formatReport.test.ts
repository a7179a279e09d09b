import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, formatReport, formatTable, RFM_SEGMENTS } from 'clientele';

describe('formatTable and formatReport', () => {
  it('aligns every line of a table to the same terminal width, in all three languages', () => {
    for (const language of ['en', 'zh', 'es'] as const) {
      const rows = RFM_SEGMENTS.map((segment, index) => [segment.label[language], String(index * 1234)]);
      const lines = formatTable([{ heading: 'segment' }, { heading: 'customers', align: 'right' }], rows).split('\n');
      expect(lines).toHaveLength(rows.length + 2);
      // The last column is right-aligned, so every line ends at the same terminal column.
      expect(new Set(lines.map(displayWidth)).size).toBe(1);
    }
  });

  it('lays out 200,000 rows (no argument spread), and counts emoji as two columns', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`c${i}`, String(i)]);
    expect(formatTable([{ heading: 'id' }, { heading: 'n', align: 'right' }], rows).split('\n')).toHaveLength(200_002);
    const lines = formatTable([{ heading: 'segment' }, { heading: 'n', align: 'right' }], [['🏆 Champions', '1'], ['Lost', '22']]).split('\n');
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(lines[2]).toBe('  🏆 Champions   1');
  });

  it('pads cells so that right-aligned columns end together for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 8 }).map((text) => text.replace(/\s/g, '_')), fc.constantFrom('1', '22', '冠军', 'ñ', '333')), { maxLength: 8 }), (rows) => {
        const lines = formatTable([{ heading: 'name' }, { heading: 'n', align: 'right' }], rows).split('\n');
        const widths = lines.map(displayWidth);
        expect(new Set(widths).size).toBe(1);
      }),
    );
  });

  it('shows text from data without obeying it, notes after the table, colour only when asked', () => {
    const text = formatReport([{ title: 'Top\u001b[31m', lines: ['a\u0007b'], table: { columns: [{ heading: 'x' }], rows: [['\u001b[2Jboom']] }, notes: ['after'] }]);
    expect(text.includes('\u001b') || text.includes('\u0007')).toBe(false);
    expect(text.split('\n')).toEqual(['Top?[31m', '  a?b', '  x', '  ────────', '  ?[2Jboom', '  after']);
    expect(formatReport([{ title: 'T' }], { colour: true })).toBe('\u001b[1mT\u001b[22m');
    // A name with a line break, a Unicode line separator or a right-to-left override stays on its line, as written.
    const names = formatReport([{ title: 'x', table: { columns: [{ heading: 'segment' }], rows: [['evil\nFAKE LINE'], ['a\u2028b'], ['\u202etxt'], ['tab\there']] } }]);
    expect(names.split('\n')).toEqual(['x', '  segment', '  ──────────────', '  evil?FAKE LINE', '  a?b', '  ?txt', '  tab here']);
    expect(formatReport([])).toBe('');
  });
});

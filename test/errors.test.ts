import { describe, expect, it } from 'vitest';
import { ClienteleError, ModelError, RuleSyntaxError } from 'clientele';

describe('RuleSyntaxError', () => {
  it('locates the offset by line and column, with a caret excerpt', () => {
    const error = new RuleSyntaxError('unexpected_token', 'expected a value', 'orders > 3\nand monetry < 10', 15);
    expect(error).toBeInstanceOf(ClienteleError);
    expect([error.offset, error.line, error.column]).toEqual([15, 2, 5]);
    expect(error.message).toMatchInlineSnapshot(`
      "expected a value (line 2, column 5)
      and monetry < 10
          ^"
    `);
  });

  it('shortens long lines around the offset and clamps offsets outside the source', () => {
    const source = `${'a'.repeat(100)}!${'b'.repeat(100)}`;
    const error = new RuleSyntaxError('unexpected_token', 'bad', source, 100);
    expect(error.excerpt.split('\n')[0]).toHaveLength(62);
    expect(error.excerpt.split('\n')[1]?.indexOf('^')).toBe(error.excerpt.indexOf('!'));
    expect(new RuleSyntaxError('unexpected_end', 'ended early', 'orders >', 99)).toMatchObject({ offset: 8, column: 9 });
    expect(new RuleSyntaxError('unexpected_end', 'empty', '', 0)).toMatchObject({ line: 1, column: 1 });
  });
});

describe('ModelError', () => {
  it('names the model kind', () => {
    const error = new ModelError('not_converged', 'fitBgNbd did not converge in 200 iterations', 'bgnbd');
    expect(error).toMatchObject({ name: 'ModelError', code: 'not_converged', modelKind: 'bgnbd', path: [] });
  });
});

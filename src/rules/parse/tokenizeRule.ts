import { RuleSyntaxError } from '../../errors';

/** One token of rule text, with where it starts. */
export type RuleToken =
  | { readonly type: 'word'; readonly text: string; readonly offset: number }
  | { readonly type: 'field'; readonly text: string; readonly offset: number }
  | { readonly type: 'string'; readonly value: string; readonly offset: number }
  | { readonly type: 'number'; readonly value: number; readonly text: string; readonly offset: number }
  | { readonly type: 'symbol'; readonly text: '(' | ')' | ',' | '=' | '!=' | '<' | '<=' | '>' | '>='; readonly offset: number }
  | { readonly type: 'end'; readonly offset: number };

const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
// JSON strings exclude raw control characters, so the pattern names them.
// eslint-disable-next-line no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * Splits rule text into tokens in one left-to-right pass (each pattern is anchored and
 * backtracks only within one token, so the time is linear in the text). Strings are JSON
 * strings; field names are dotted identifiers or backtick-quoted (with \` and \\ escapes).
 */
export function tokenizeRule(source: string): RuleToken[] {
  const tokens: RuleToken[] = [];
  let at = 0;
  while (at < source.length) {
    const character = source[at] as string;
    if (character === ' ' || character === '\t' || character === '\n' || character === '\r') {
      at += 1;
      continue;
    }
    if (character === '(' || character === ')' || character === ',' || character === '=') {
      tokens.push({ type: 'symbol', text: character, offset: at });
      at += 1;
      continue;
    }
    if (character === '<' || character === '>' || character === '!') {
      const two = source.slice(at, at + 2);
      if (two === '<=' || two === '>=' || two === '!=') {
        tokens.push({ type: 'symbol', text: two, offset: at });
        at += 2;
        continue;
      }
      if (two === '<>') {
        tokens.push({ type: 'symbol', text: '!=', offset: at });
        at += 2;
        continue;
      }
      if (character === '!') throw new RuleSyntaxError('unexpected_token', 'expected != (or not) after !', source, at);
      tokens.push({ type: 'symbol', text: character, offset: at });
      at += 1;
      continue;
    }
    if (character === '"') {
      STRING.lastIndex = at;
      const match = STRING.exec(source);
      if (match === null) throw new RuleSyntaxError('invalid_literal', 'expected a string in double quotes, closed on the same text, with JSON escapes', source, at);
      tokens.push({ type: 'string', value: JSON.parse(match[0]) as string, offset: at });
      at += match[0].length;
      continue;
    }
    if (character === '`') {
      let value = '';
      let end = at + 1;
      while (end < source.length && source[end] !== '`') {
        if (source[end] === '\\' && (source[end + 1] === '`' || source[end + 1] === '\\')) end += 1;
        value += source[end];
        end += 1;
      }
      if (end >= source.length) throw new RuleSyntaxError('unexpected_end', 'expected a closing ` after the field name', source, at);
      tokens.push({ type: 'field', text: value, offset: at });
      at = end + 1;
      continue;
    }
    if (character === '-' || (character >= '0' && character <= '9')) {
      NUMBER.lastIndex = at;
      const match = NUMBER.exec(source);
      if (match === null) throw new RuleSyntaxError('invalid_literal', 'expected a number', source, at);
      const value = Number(match[0]);
      if (!Number.isFinite(value)) throw new RuleSyntaxError('invalid_literal', `expected a finite number, received ${match[0].slice(0, 30)}`, source, at);
      tokens.push({ type: 'number', value, text: match[0], offset: at });
      at += match[0].length;
      continue;
    }
    WORD.lastIndex = at;
    const word = WORD.exec(source);
    if (word !== null) {
      tokens.push({ type: 'word', text: word[0], offset: at });
      at += word[0].length;
      continue;
    }
    throw new RuleSyntaxError('unexpected_token', `unexpected character ${JSON.stringify(character)}`, source, at);
  }
  tokens.push({ type: 'end', offset: source.length });
  return tokens;
}

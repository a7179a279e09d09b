import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRule, printRule } from 'clientele';

// Every rule of the cookbook in docs/rules.md parses, and prints back as written (canonical text).
const page = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
const cookbook = page.slice(page.indexOf('## Cookbook'));
const rules = [...cookbook.matchAll(/^\| [^|]+ \| `(.+)` \|$/gm)].map((match) => match[1] as string);

describe('the cookbook in docs/rules.md', () => {
  it(`has rules (${rules.length})`, () => {
    expect(rules.length).toBeGreaterThanOrEqual(10);
  });
  it.each(rules)('%s', (text) => {
    expect(printRule(parseRule(text))).toBe(text);
  });
});

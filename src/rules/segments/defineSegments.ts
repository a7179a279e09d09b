import { ConfigurationError, RuleError, RuleSyntaxError, quoteValue, type RuleIssue } from '../../errors';
import { deepFreeze } from '../../internal/deepFreeze';
import type { Rule } from '../ast';
import { parseRule } from '../parse/parseRule';
import { validateRule } from '../validateRule';

/** A segment as the host writes it: a name and a rule (built, JSON, or text). */
export interface SegmentInput {
  readonly name: string;
  readonly rule: Rule | string;
  readonly description?: string;
  /** Higher first; ties keep the given order. Default 0. */
  readonly priority?: number;
}

/** A checked segment: its rule in canonical form. */
export interface SegmentDefinition {
  readonly name: string;
  readonly rule: Rule;
  readonly description: string;
  readonly priority: number;
}

/** A set of segments: plain, frozen JSON, to store and to assign with `assignSegments`. */
export interface SegmentSet {
  readonly kind: 'segments';
  readonly version: 1;
  /** `first`: each customer joins the first segment (by priority) whose rule matches; `all`: every matching segment. */
  readonly mode: 'first' | 'all';
  readonly segments: readonly SegmentDefinition[];
}

/**
 * Checks a list of segment definitions and returns them as one serialisable set: rules given as
 * text are parsed, JSON rules validated, every rule put in canonical form, names checked unique,
 * segments ordered by priority.
 *
 * @param definitions - `{ name, rule, description?, priority? }` per segment.
 * @param options - `mode`: `first` (one segment per customer, the default) or `all`.
 * @returns A frozen {@link SegmentSet}.
 * @throws {RuleError} `invalid_rule` listing every problem, each path starting at the segment's index.
 * @throws {ConfigurationError} `invalid_option` for a bad mode, a missing or repeated name.
 *
 * @example
 * ```ts
 * import { defineSegments } from 'clientele';
 * const set = defineSegments([
 *   { name: 'win back', rule: 'lifecycle.stage = "at_risk" and monetaryTotal >= 200', priority: 2 },
 *   { name: 'vip', rule: 'valueTier = "high"', priority: 5 },
 * ]);
 * set.segments.map((segment) => segment.name); // => ['vip', 'win back']
 * ```
 * @category Rules
 */
export function defineSegments(definitions: readonly SegmentInput[], options: { readonly mode?: 'first' | 'all' } = {}): SegmentSet {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('invalid_option', `defineSegments expects options to be an object, received ${quoteValue(options)}`);
  const mode = options.mode ?? 'first';
  if (mode !== 'first' && mode !== 'all') throw new ConfigurationError('invalid_option', `defineSegments expects option \`mode\` to be "first" or "all", received ${quoteValue(mode)}`, ['mode']);
  if (!Array.isArray(definitions)) throw new ConfigurationError('invalid_option', `defineSegments expects an array of { name, rule }, received ${quoteValue(definitions)}`);
  const issues: RuleIssue[] = [];
  const names = new Set<string>();
  const segments: (SegmentDefinition & { order: number })[] = [];
  definitions.forEach((definition, index) => {
    const name = (definition as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name.length === 0 || name.length > 200) {
      throw new ConfigurationError('invalid_option', `defineSegments expects segment ${index} to have a name of 1 to 200 characters, received ${quoteValue(name)}`, [index, 'name']);
    }
    if (names.has(name)) throw new ConfigurationError('invalid_option', `defineSegments found the segment name ${quoteValue(name)} twice`, [index, 'name']);
    names.add(name);
    const priority = definition.priority ?? 0;
    if (typeof priority !== 'number' || !Number.isFinite(priority)) throw new ConfigurationError('invalid_option', `defineSegments expects segment ${quoteValue(name)}'s priority to be a finite number, received ${quoteValue(priority)}`, [index, 'priority']);
    let rule: Rule | undefined;
    if (typeof definition.rule === 'string') {
      try {
        rule = parseRule(definition.rule);
      } catch (error) {
        if (!(error instanceof RuleSyntaxError)) throw error;
        issues.push({ path: [index, 'rule'], message: error.message });
      }
    } else {
      const checked = validateRule(definition.rule);
      if (checked.ok) rule = checked.rule;
      else for (const issue of checked.issues) issues.push({ path: [index, 'rule', ...issue.path], message: issue.message });
    }
    if (rule !== undefined) segments.push({ name, rule, description: definition.description ?? '', priority, order: index });
  });
  if (issues.length > 0) throw new RuleError('defineSegments', issues);
  segments.sort((a, b) => b.priority - a.priority || a.order - b.order);
  return deepFreeze({ kind: 'segments', version: 1, mode, segments: segments.map(({ order: _order, ...segment }) => segment) });
}

import { FEATURE_CATALOGUE } from '../features/featureCatalogue';
import { LIFECYCLE_STAGES } from '../scores/lifecycle/lifecycleStages';
import { RFM_SEGMENTS } from '../scores/rfm/rfmSegments';
import { VALUE_TIERS } from '../scores/value/valueTiers';

/**
 * The type of a rule field: `number`, `string`, `boolean`, `instant` (epoch ms, compared with
 * `withinLast`, `moreThanAgo` or `between` two ISO dates), `enum` (a string from a known list),
 * `set` (a set of strings, for `has`, `hasAny`, `hasAll`), or `any` (a host attribute: its type
 * is the value's).
 */
export type RuleFieldType = 'number' | 'string' | 'boolean' | 'instant' | 'enum' | 'set' | 'any';

/** What rules know about one field. */
export interface RuleFieldInfo {
  readonly type: RuleFieldType;
  readonly description: string;
  readonly unit?: string;
  /** The allowed values of an `enum`. */
  readonly values?: readonly string[];
}

/** The scalar features as rule fields (the record-valued ones are reached through their keys). */
function featureFields(): Record<string, RuleFieldInfo> {
  const fields: Record<string, RuleFieldInfo> = {};
  for (const [name, info] of Object.entries(FEATURE_CATALOGUE)) {
    if (info.type === 'record') continue;
    fields[name] = { type: info.type, description: info.description, ...(info.unit === undefined ? {} : { unit: info.unit }), ...(name === 'timeUnit' ? { values: ['days', 'weeks'] } : {}) };
  }
  return fields;
}

/**
 * The fields a rule can name: every scalar `CustomerFeatures` field, the sets `categories`
 * (categories bought) and `interactionKinds`, the numbers `categoryShares.<category>` and
 * `interactionCounts.<kind>` (0 when absent), `consent.<channel>`, the scores a host attaches
 * (`rfm.*`, `valueTier`, `lifecycle.stage`, `clv`, `pAlive`, `cluster`) and host attributes
 * (`attributes.<name>`).
 *
 * @example
 * ```ts
 * import { RULE_FIELDS } from 'clientele';
 * RULE_FIELDS.monetaryTotal?.type; // => 'number'
 * RULE_FIELDS['lifecycle.stage']?.values?.includes('at_risk'); // => true
 * ```
 * @category Rules
 */
export const RULE_FIELDS: Readonly<Record<string, RuleFieldInfo>> = /* @__PURE__ */ Object.freeze(
  Object.assign(Object.create(null) as Record<string, RuleFieldInfo>, featureFields(), {
    categories: { type: 'set', description: 'Categories the customer bought (categoryShares above 0).' },
    interactionKinds: { type: 'set', description: 'Kinds of interaction the customer had (email_open, ...).' },
    'rfm.r': { type: 'number', unit: 'score', description: 'RFM recency score.' },
    'rfm.f': { type: 'number', unit: 'score', description: 'RFM frequency score.' },
    'rfm.m': { type: 'number', unit: 'score', description: 'RFM monetary score.' },
    'rfm.score': { type: 'number', unit: 'score', description: 'Weighted RFM score.' },
    'rfm.code': { type: 'string', description: 'RFM code such as "545".' },
    'rfm.segment': { type: 'enum', values: RFM_SEGMENTS.map((segment) => segment.id), description: 'Named RFM segment id.' },
    valueTier: { type: 'enum', values: [...VALUE_TIERS], description: 'Value tier: high, middle or low.' },
    'lifecycle.stage': { type: 'enum', values: LIFECYCLE_STAGES.map((stage) => stage.id), description: 'Lifecycle stage.' },
    clv: { type: 'number', unit: 'money', description: 'Predicted customer lifetime value.' },
    pAlive: { type: 'number', unit: 'share', description: 'Probability the customer is still active.' },
    cluster: { type: 'string', description: 'Cluster name or id.' },
  } satisfies Record<string, RuleFieldInfo>),
);

/** Prefixes whose second part the host names: what they hold. */
const DYNAMIC: Readonly<Record<string, RuleFieldInfo>> = {
  attributes: { type: 'any', description: 'A host attribute.' },
  categoryShares: { type: 'number', unit: 'share', description: 'Share of spend in one category (0 when none).' },
  interactionCounts: { type: 'number', unit: 'count', description: 'Interactions of one kind (0 when none).' },
  consent: { type: 'boolean', description: 'Marketing consent for one channel.' },
};

/** Names that would reach into an object's prototype: refused anywhere in a path. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** A field as the evaluator reads it. */
export interface ResolvedField {
  readonly name: string;
  readonly info: RuleFieldInfo;
  /** The path segments (own properties only). */
  readonly path: readonly string[];
}

/** Looks a field name up; a problem is a sentence naming the nearest known field. */
export function resolveRuleField(name: string): ResolvedField | { readonly problem: string } {
  const path = name.split('.');
  if (path.some((segment) => FORBIDDEN.has(segment) || segment === '')) return { problem: `field ${JSON.stringify(name)} is not allowed: paths may not be empty or name __proto__, constructor or prototype` };
  const known = Object.hasOwn(RULE_FIELDS, name) ? RULE_FIELDS[name] : undefined;
  if (known !== undefined) return { name, info: known, path };
  const dynamic = path.length === 2 && Object.hasOwn(DYNAMIC, path[0] as string) ? DYNAMIC[path[0] as string] : undefined;
  if (dynamic !== undefined) return { name, info: dynamic, path };
  const suggestion = nearestField(name);
  return { problem: `unknown field ${JSON.stringify(name)}${suggestion === null ? '' : `, did you mean ${JSON.stringify(suggestion)}?`}` };
}

/** The known field closest to `name` by edit distance (case-insensitive), when close enough to be a typo. */
function nearestField(name: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const lower = name.toLowerCase().slice(0, 64);
  for (const candidate of [...Object.keys(RULE_FIELDS), ...Object.keys(DYNAMIC).map((prefix) => `${prefix}.`)]) {
    // A typo of the whole name, or of its start (monetry for monetaryTotal).
    const target = candidate.toLowerCase();
    const distance = Math.min(editDistance(lower, target), editDistance(lower, target.slice(0, lower.length + 1)) + 1);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

/** Levenshtein distance, two rows. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

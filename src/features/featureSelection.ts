import { ConfigurationError, quoteValue } from '../errors';
import type { CustomerFeatures } from './CustomerFeatures';
import { FEATURE_CATALOGUE } from './featureCatalogue';

/** A feature a summary can be limited to: any `CustomerFeatures` field but `customerId`, which every summary has. */
export type FeatureName = Exclude<keyof CustomerFeatures, 'customerId'>;

/**
 * A summary limited to some features: the customer id and the fields asked for. When the names
 * are not known where the call is written (a `FeatureName[]` variable), any of the fields may be
 * missing, and the type says so.
 */
export type SelectedFeatures<F extends FeatureName> = [FeatureName] extends [F] ? Pick<CustomerFeatures, 'customerId'> & Partial<CustomerFeatures> : Pick<CustomerFeatures, 'customerId' | F>;

/**
 * The features that come from each customer's order totals alone (sums, counts, first and last
 * purchase), with no list of purchase days, category totals, trend periods or interactions.
 * A summary limited to these skips grouping orders by customer altogether.
 */
const TOTALS_FEATURES: ReadonlySet<FeatureName> = new Set<FeatureName>([
  'asOf',
  'createdAt',
  'isProspect',
  'firstPurchaseAt',
  'lastPurchaseAt',
  'daysSinceFirstPurchase',
  'daysSinceLastPurchase',
  'orders',
  'monetaryTotal',
  'grossSpend',
  'refundedAmount',
  'averageOrderValue',
  'timeUnit',
  'firstToLastPurchase',
  'firstPurchaseToAsOf',
  'discountedOrderShare',
  'refundRate',
  'attributes',
  'consent',
]);

/** The features that need each customer's category totals. */
const CATEGORY_FEATURES: ReadonlySet<FeatureName> = new Set<FeatureName>(['categoryShares', 'topCategory', 'distinctCategories']);

/** What a summary limited to some features has to keep and compute. */
export interface FeatureSelection {
  /** The features asked for, each once, in the order given. */
  readonly fields: readonly FeatureName[];
  /** Every field comes from order totals: orders need not be grouped by customer. */
  readonly totalsOnly: boolean;
  /** Some field needs the category totals. */
  readonly categories: boolean;
}

/**
 * Checks the `fields` option of `summarize` and `createSummarizer`: an array of feature names
 * (see `FEATURE_CATALOGUE`); `customerId` is always there and may be named. Returns `undefined`
 * when the option is absent (every feature).
 */
export function resolveFeatureSelection(functionName: string, fields: unknown): FeatureSelection | undefined {
  if (fields === undefined) return undefined;
  if (!Array.isArray(fields)) {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`fields\` to be an array of feature names such as "orders", received ${quoteValue(fields)}`, ['fields']);
  }
  const chosen = new Set<FeatureName>();
  fields.forEach((field: unknown, index) => {
    if (typeof field !== 'string' || !Object.hasOwn(FEATURE_CATALOGUE, field)) {
      throw new ConfigurationError(
        'invalid_option',
        `${functionName} expects option \`fields\` to name CustomerFeatures fields (see FEATURE_CATALOGUE), received ${quoteValue(field)} at index ${index}`,
        ['fields', index],
      );
    }
    if (field !== 'customerId') chosen.add(field as FeatureName);
  });
  const list = [...chosen];
  return {
    fields: list,
    totalsOnly: list.every((field) => TOTALS_FEATURES.has(field)),
    categories: list.some((field) => CATEGORY_FEATURES.has(field)),
  };
}

/** Whether two selections ask for the same features (summarizers merge only then). */
export function sameSelection(a: FeatureSelection | undefined, b: FeatureSelection | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.fields.length === b.fields.length && a.fields.every((field) => b.fields.includes(field));
}

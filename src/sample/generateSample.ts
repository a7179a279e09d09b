import type { Customer } from '../model/customerSchema';
import type { Interaction } from '../model/interactionSchema';
import type { InstantInput } from '../model/parseInstant';
import type { Transaction } from '../model/transactionSchema';
import { buildInteractionRows } from './buildInteractionRows';
import { buildTransactionRows } from './buildTransactionRows';
import { drawCustomerRecord } from './drawCustomerRecord';
import { createCustomerTraits, drawCustomerTraits } from './drawCustomerTraits';
import { readSampleOptions } from './readSampleOptions';
import { createSampleContext, instantOfDay, type SampleContext } from './sampleContext';
import { simulateInteractions } from './simulateInteractions';
import { simulateOrders } from './simulateOrders';

/** Options of {@link generateSample}. */
export interface GenerateSampleOptions {
  /** How many customers to generate, from 0 to 2,000,000. Default 1000 (about 12,500 transaction rows). */
  readonly customers?: number;
  /** The seed: the same seed and options always give the same sample. A number is read as its decimal text (`42` and `'42'` agree). Default 1. */
  readonly seed?: number | string;
  /** The first day of the period, read as a UTC calendar day. Default `'2024-01-01'`. */
  readonly start?: InstantInput;
  /** The last day of the period, read as a UTC calendar day; the sample's `asOf` is its 00:00 UTC. At most 100 years after `start`. Default `'2025-12-31'`. */
  readonly end?: InstantInput;
  /** The ISO 4217 code set on every transaction row. Default `'EUR'`. */
  readonly currency?: string;
}

/** What {@link generateSample} returns: normalised records, as the `parse*` functions would return them, and the snapshot time. */
export interface Sample {
  /** One record per customer, ids `c00001`, `c00002`... in sign-up order. */
  customers: Customer[];
  /** Order lines and refunds in time order; lines of one order are adjacent. */
  transactions: Transaction[];
  /** Visits, emails, tickets, surveys and campaign responses in time order. */
  interactions: Interaction[];
  /** The end of the period (00:00 UTC of `end`), epoch ms: no row is later. Pass it as `asOf`. */
  asOf: number;
}

/** Draws every customer's sign-up time (days since the start), spread by the sign-up calendar, in increasing order. */
function drawSignups(context: SampleContext, count: number): Float64Array {
  const { random } = context;
  const { cumulativeSignups } = context.demand;
  const dayCount = context.settings.dayCount;
  const total = cumulativeSignups[cumulativeSignups.length - 1] as number;
  const signups = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const target = random() * total;
    let low = 0;
    let high = cumulativeSignups.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulativeSignups[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    signups[index] = Math.min(low + random(), dayCount);
  }
  return signups.sort();
}

/**
 * Generates a seeded synthetic customer base: customers with attributes and consent, their
 * order lines and refunds, and their interactions over a period. Use it for demos, docs,
 * tests and benchmarks; the data is realistic in shape, not a model of any real shop.
 *
 * Customers sign up throughout the period (more later, seasonally), about 10% never buy, and
 * the rest buy as in the Pareto/NBD story: a first purchase some days after sign-up, then
 * repeat purchases at a personal Gamma-distributed rate until a personal exponential lifetime
 * ends, busier before Christmas and at weekends. Order values follow the Gamma-Gamma story
 * (mean around 60, right-skewed). With the defaults a buyer averages 9 to 10 orders and a third
 * buy only once. Orders have 1 to 3 lines across 7 categories (most customers favour one or two),
 * about 15% carry a discount, 3% get a refund row (`lineId` `'r1'`, negative amount, 1-30
 * days later) and 2% are cancelled. Interactions follow activity and consent.
 *
 * Rows are already in normalised form, so `parseTransactions`, `parseCustomers` and
 * `parseInteractions` accept every one of them. Pure: no clock, no global randomness.
 *
 * @param options - Size, seed, period and currency; every option has a default.
 * @returns `{ customers, transactions, interactions, asOf }`: plain arrays of plain objects.
 * @throws {ConfigurationError} `invalid_option` for an unknown option, a `customers` count that is not a whole number from 0 to 2,000,000, a seed that is not a finite number or a string, a date that cannot be read, an `end` before `start` or more than 100 years after it, or a currency that is not a three-letter code.
 *
 * @example
 * ```ts
 * import { generateSample } from 'clientele/sample';
 * const sample = generateSample({ customers: 200, seed: 42 });
 * sample.customers.length; // => 200
 * sample.customers[0]?.id; // => 'c00001'
 * sample.asOf; // => Date.UTC(2025, 11, 31)
 * sample.transactions.every((row) => row.at >= Date.UTC(2024, 0, 1) && row.at <= sample.asOf); // => true
 * Object.keys(sample.transactions[0] ?? {}); // => ['orderId', 'lineId', 'customerId', 'at', 'amount', 'currency', 'category', 'sku', 'quantity', 'channel', 'status']
 * sample.transactions.some((row) => row.amount < 0 && row.lineId === 'r1'); // => true
 * generateSample({ customers: 200, seed: 42 }).transactions.length === sample.transactions.length; // => true
 * ```
 * @category Sample
 * @see Schmittlein, D. C., Morrison, D. G. and Colombo, R. (1987), "Counting your customers:
 *   who are they and what will they do next?", Management Science 33(1), 1-24 (Pareto/NBD).
 * @see Fader, P. S., Hardie, B. G. S. and Lee, K. L. (2005), "RFM and CLV: using iso-value
 *   curves for customer base analysis", Journal of Marketing Research 42(4), 415-430 (Gamma-Gamma spend).
 */
export function generateSample(options: GenerateSampleOptions = {}): Sample {
  const settings = readSampleOptions(options);
  const context = createSampleContext(settings);
  const { random, customerIds, orders } = context;
  const count = settings.customerCount;
  const signups = drawSignups(context, count);
  const traits = createCustomerTraits();
  const customers: Customer[] = [];
  for (let index = 0; index < count; index++) {
    const id = customerIds[index] as string;
    const signup = signups[index] as number;
    drawCustomerTraits(random, traits, index, signup, settings.dayCount);
    customers.push(drawCustomerRecord(random, traits, id, instantOfDay(settings.startMs, signup)));
    const firstOrder = orders.orderCount;
    const firstRefund = orders.refundCount;
    simulateOrders(context, traits);
    simulateInteractions(context, traits, firstOrder, firstRefund);
  }
  return {
    customers,
    transactions: buildTransactionRows(context),
    interactions: buildInteractionRows(context),
    asOf: settings.asOf,
  };
}

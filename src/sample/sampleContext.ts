import { createRandom } from '../internal/createRandom';
import { demandByDay, type DailyDemand } from './demandByDay';
import { createSkuCodes } from './productCatalogue';
import type { SampleSettings } from './readSampleOptions';

/** Days between two campaigns; campaign `k` runs from day `14k` of the period. */
export const CAMPAIGN_DAYS = 14;

/**
 * Orders, lines and refunds as typed columns, one entry per order (or line, or refund), filled
 * customer by customer; the first `orderCount` (`lineCount`, `refundCount`) entries are used.
 * Rows are built from them once, in time order.
 */
export interface OrderColumns {
  orderCount: number;
  customer: Int32Array;
  at: Float64Array;
  /** Index of the order's first line; its lines run up to the next order's first line. */
  firstLine: Int32Array;
  /** Index into `TRANSACTION_CHANNELS`. */
  channel: Uint8Array;
  /** 1 when the order was cancelled, else 0. */
  cancelled: Uint8Array;
  /** 1 when every line of the order carries a discount, else 0. */
  discounted: Uint8Array;
  lineCount: number;
  lineCategory: Uint8Array;
  lineSku: Uint8Array;
  lineQuantity: Uint8Array;
  /** Net amount of the line, in cents. */
  lineCents: Float64Array;
  /** Discount on the line, in cents (0 when the order has no discount). */
  lineDiscountCents: Float64Array;
  refundCount: number;
  /** The order a refund gives money back for. */
  refundOrder: Int32Array;
  refundAt: Float64Array;
  /** The line refunded (its full net amount). */
  refundLine: Int32Array;
}

/** Interactions as typed columns, one entry per interaction; the first `count` entries are used. */
export interface InteractionColumns {
  count: number;
  customer: Int32Array;
  at: Float64Array;
  /** Index into `INTERACTION_KINDS`. */
  kind: Uint8Array;
  /** Index into the campaign ids, or -1 for none. */
  campaign: Int32Array;
  /** Index into `INTERACTION_CHANNELS`. */
  channel: Uint8Array;
  /** The survey score, or -1 for none. */
  score: Int8Array;
}

/** Everything one `generateSample` call shares between its steps. */
export interface SampleContext {
  readonly settings: SampleSettings;
  readonly random: () => number;
  /** The demand calendar, one entry per day of the period (at least one, so it is never empty). */
  readonly demand: DailyDemand;
  readonly skuCodes: readonly (readonly string[])[];
  /** `cmp001`, `cmp002`...: one id per campaign period. */
  readonly campaignIds: readonly string[];
  /** Customer ids by customer index. */
  readonly customerIds: readonly string[];
  readonly orders: OrderColumns;
  readonly interactions: InteractionColumns;
  /** Scratch space for one order's line weights and line keys (at most 3 lines). */
  readonly lineWeights: Float64Array;
  readonly lineKeys: Int32Array;
  /** Scratch space for the event times of one Poisson process. */
  readonly eventTimes: number[];
}

/**
 * Creates the state of one `generateSample` call: the seeded generator, the demand calendar,
 * the catalogue and empty columns.
 *
 * @param settings - Validated options.
 * @returns A fresh context.
 */
export function createSampleContext(settings: SampleSettings): SampleContext {
  const campaignIds: string[] = [];
  const campaignCount = Math.floor(settings.dayCount / CAMPAIGN_DAYS) + 1;
  const width = Math.max(3, String(campaignCount).length);
  for (let index = 1; index <= campaignCount; index++) campaignIds.push(`cmp${String(index).padStart(width, '0')}`);
  // First guesses at the column sizes (two years, defaults); columns grow when they are too small.
  const orderCapacity = 16 + settings.customerCount * 8;
  const lineCapacity = 16 + settings.customerCount * 12;
  const refundCapacity = 16 + Math.ceil(settings.customerCount / 4);
  const interactionCapacity = 16 + settings.customerCount * 8;
  const customerIds: string[] = [];
  const idWidth = Math.max(5, String(settings.customerCount).length);
  for (let index = 1; index <= settings.customerCount; index++) customerIds.push(`c${String(index).padStart(idWidth, '0')}`);
  return {
    settings,
    random: createRandom(settings.seed),
    demand: demandByDay(settings.startMs, Math.max(1, settings.dayCount)),
    skuCodes: createSkuCodes(),
    campaignIds,
    customerIds,
    orders: {
      orderCount: 0,
      customer: new Int32Array(orderCapacity),
      at: new Float64Array(orderCapacity),
      firstLine: new Int32Array(orderCapacity),
      channel: new Uint8Array(orderCapacity),
      cancelled: new Uint8Array(orderCapacity),
      discounted: new Uint8Array(orderCapacity),
      lineCount: 0,
      lineCategory: new Uint8Array(lineCapacity),
      lineSku: new Uint8Array(lineCapacity),
      lineQuantity: new Uint8Array(lineCapacity),
      lineCents: new Float64Array(lineCapacity),
      lineDiscountCents: new Float64Array(lineCapacity),
      refundCount: 0,
      refundOrder: new Int32Array(refundCapacity),
      refundAt: new Float64Array(refundCapacity),
      refundLine: new Int32Array(refundCapacity),
    },
    interactions: {
      count: 0,
      customer: new Int32Array(interactionCapacity),
      at: new Float64Array(interactionCapacity),
      kind: new Uint8Array(interactionCapacity),
      campaign: new Int32Array(interactionCapacity),
      channel: new Uint8Array(interactionCapacity),
      score: new Int8Array(interactionCapacity),
    },
    lineWeights: new Float64Array(3),
    lineKeys: new Int32Array(3),
    eventTimes: [],
  };
}

/**
 * Converts a time in fractional days since the period's start to epoch ms, whole seconds.
 * Never later than `startMs + days` whole days, so a time within the period stays within it.
 */
export function instantOfDay(startMs: number, days: number): number {
  return startMs + Math.floor(days * 86_400) * 1000;
}

import { ORDER_VALUE_SHAPE, pickCumulative, type CustomerTraits } from './drawCustomerTraits';
import { SKUS_PER_CATEGORY } from './productCatalogue';
import { growColumn } from '../internal/growColumn';
import { instantOfDay, type OrderColumns, type SampleContext } from './sampleContext';

/** Share of orders placed through the customer's preferred channel; the rest follow the shop's mix. */
const PREFERRED_CHANNEL_LOYALTY = 0.75;
const CHANNEL_MIX_CUMULATIVE = [0.55, 0.8, 1];
const CANCELLED_SHARE = 0.02;
const DISCOUNTED_SHARE = 0.15;
const DISCOUNT_RATES = [0.1, 0.15, 0.2, 0.25, 0.3];
const REFUNDED_SHARE = 0.03;
/** Cumulative shares of orders with 1, 2 and 3 lines. */
const LINE_COUNT_CUMULATIVE = [0.65, 0.9, 1];
/** Cumulative shares of line quantities 1, 2, 3; the rest are 4 to 6. */
const QUANTITY_CUMULATIVE = [0.78, 0.93, 0.98];
/** The smallest line amount, in cents. */
const MIN_LINE_CENTS = 100;

function drawQuantity(random: () => number): number {
  const u = random();
  if (u < (QUANTITY_CUMULATIVE[0] as number)) return 1;
  if (u < (QUANTITY_CUMULATIVE[1] as number)) return 2;
  if (u < (QUANTITY_CUMULATIVE[2] as number)) return 3;
  return 4 + Math.floor(random() * 3);
}

/** Makes room in the order columns for one more order with up to 3 lines and a refund. */
function reserveOrder(orders: OrderColumns): void {
  if (orders.orderCount === orders.at.length) {
    const minimum = orders.orderCount + 1;
    orders.customer = growColumn(orders.customer, minimum);
    orders.at = growColumn(orders.at, minimum);
    orders.firstLine = growColumn(orders.firstLine, minimum);
    orders.channel = growColumn(orders.channel, minimum);
    orders.cancelled = growColumn(orders.cancelled, minimum);
    orders.discounted = growColumn(orders.discounted, minimum);
  }
  if (orders.lineCount + 3 > orders.lineCents.length) {
    const minimum = orders.lineCount + 3;
    orders.lineCategory = growColumn(orders.lineCategory, minimum);
    orders.lineSku = growColumn(orders.lineSku, minimum);
    orders.lineQuantity = growColumn(orders.lineQuantity, minimum);
    orders.lineCents = growColumn(orders.lineCents, minimum);
    orders.lineDiscountCents = growColumn(orders.lineDiscountCents, minimum);
  }
  if (orders.refundCount === orders.refundAt.length) {
    const minimum = orders.refundCount + 1;
    orders.refundOrder = growColumn(orders.refundOrder, minimum);
    orders.refundAt = growColumn(orders.refundAt, minimum);
    orders.refundLine = growColumn(orders.refundLine, minimum);
  }
}

/** Records one order of the customer at time `t` (days since the start), with its lines and maybe a refund. */
function addOrder(context: SampleContext, traits: CustomerTraits, t: number): void {
  const { random, orders, lineWeights, lineKeys } = context;
  const { startMs, dayCount } = context.settings;
  reserveOrder(orders);
  const order = orders.orderCount++;
  const firstLine = orders.lineCount;
  orders.customer[order] = traits.index;
  orders.at[order] = instantOfDay(startMs, t);
  orders.firstLine[order] = firstLine;
  orders.channel[order] = random() < PREFERRED_CHANNEL_LOYALTY ? traits.preferredChannel : pickCumulative(CHANNEL_MIX_CUMULATIVE, random());
  const cancelled = random() < CANCELLED_SHARE;
  orders.cancelled[order] = cancelled ? 1 : 0;
  const discountRate = random() < DISCOUNTED_SHARE ? (DISCOUNT_RATES[Math.floor(random() * DISCOUNT_RATES.length)] as number) : 0;
  orders.discounted[order] = discountRate > 0 ? 1 : 0;

  // Gamma(k, rate ν) with whole k is the sum of k Exponential(ν) draws: one logarithm, no rejection loop.
  let uniformProduct = 1;
  for (let draw = 0; draw < ORDER_VALUE_SHAPE; draw++) uniformProduct *= 1 - random();
  const valueCents = Math.max(MIN_LINE_CENTS, Math.round((-Math.log(uniformProduct) / traits.valueRate) * 100));
  let lineCount = pickCumulative(LINE_COUNT_CUMULATIVE, random()) + 1;
  while (lineCount > 1 && valueCents < lineCount * MIN_LINE_CENTS) lineCount--;
  let weightTotal = 0;
  for (let line = 0; line < lineCount; line++) {
    const weight = 0.4 + random();
    lineWeights[line] = weight;
    weightTotal += weight;
  }
  let remaining = valueCents;
  for (let line = 0; line < lineCount; line++) {
    const category = pickCumulative(traits.categoryCumulative, random());
    // SKU popularity within a category: index = floor(n · u^2.5), so low indices sell most.
    const skuDraw = random();
    let sku = Math.floor(SKUS_PER_CATEGORY * skuDraw * skuDraw * Math.sqrt(skuDraw));
    // One line per product: a product drawn twice moves to the next one of its category.
    for (let earlier = 0; earlier < line; earlier++) {
      if (lineKeys[earlier] === category * SKUS_PER_CATEGORY + sku) {
        sku = (sku + 1) % SKUS_PER_CATEGORY;
        earlier = -1;
      }
    }
    lineKeys[line] = category * SKUS_PER_CATEGORY + sku;
    const linesAfter = lineCount - 1 - line;
    const cents =
      linesAfter === 0
        ? remaining
        : Math.min(remaining - linesAfter * MIN_LINE_CENTS, Math.max(MIN_LINE_CENTS, Math.round((valueCents * (lineWeights[line] as number)) / weightTotal)));
    remaining -= cents;
    const index = firstLine + line;
    orders.lineCategory[index] = category;
    orders.lineSku[index] = sku;
    orders.lineQuantity[index] = drawQuantity(random);
    orders.lineCents[index] = cents;
    orders.lineDiscountCents[index] = discountRate > 0 ? Math.round((cents * discountRate) / (1 - discountRate)) : 0;
  }
  orders.lineCount = firstLine + lineCount;

  if (!cancelled && random() < REFUNDED_SHARE) {
    // Refunded 1 to 30 days later; a refund that would fall after the period has not happened yet.
    const refundTime = t + 1 + random() * 29;
    const refundedLine = firstLine + Math.floor(random() * lineCount);
    if (refundTime <= dayCount) {
      const refund = orders.refundCount++;
      orders.refundOrder[refund] = order;
      orders.refundAt[refund] = instantOfDay(startMs, refundTime);
      orders.refundLine[refund] = refundedLine;
    }
  }
}

/**
 * Simulates one customer's orders, Pareto/NBD style: a first purchase, then repeat purchases
 * as a Poisson process with the customer's rate λ, modulated by the demand calendar (by
 * thinning), until the customer drops out or the period ends.
 *
 * @param context - The sample being generated; orders are appended to its columns.
 * @param traits - The customer's hidden traits.
 */
export function simulateOrders(context: SampleContext, traits: CustomerTraits): void {
  if (!traits.buys) return;
  const { random, demand } = context;
  const end = Math.min(traits.dropout, context.settings.dayCount);
  const { factor, maxFactor } = demand;
  const lastDay = factor.length - 1;
  let t = traits.firstPurchase;
  addOrder(context, traits, t);
  const envelopeRate = traits.purchaseRate * maxFactor;
  if (!(envelopeRate > 0)) return;
  for (;;) {
    t -= Math.log(1 - random()) / envelopeRate;
    if (t > end) return;
    if (random() * maxFactor < (factor[Math.min(Math.floor(t), lastDay)] as number)) addOrder(context, traits, t);
  }
}

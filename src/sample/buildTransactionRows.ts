import type { Transaction } from '../model/transactionSchema';
import { TRANSACTION_CHANNELS } from './drawCustomerTraits';
import { orderByTime } from './orderByTime';
import { CATEGORIES } from './productCatalogue';
import type { SampleContext } from './sampleContext';

const LINE_IDS = ['1', '2', '3'] as const;
const REFUND_LINE_ID = 'r1';

/**
 * Builds the transaction rows from the order columns, in time order: one row per order line
 * (lines `'1'`, `'2'`, `'3'` of an order are adjacent) and one negative row per refund (line
 * `'r1'`). Order ids are numbered in time order, `o000001` first.
 *
 * @param context - The sample, after every customer was simulated.
 * @returns The rows, in the normalised form `parseTransactions` accepts as it is.
 */
export function buildTransactionRows(context: SampleContext): Transaction[] {
  const { orders, customerIds, skuCodes } = context;
  const { currency } = context.settings;
  const categories: readonly string[] = CATEGORIES;
  const channels: readonly string[] = TRANSACTION_CHANNELS;
  const { orderCount, refundCount, lineCount } = orders;
  const times = new Float64Array(orderCount + refundCount);
  times.set(orders.at.subarray(0, orderCount));
  times.set(orders.refundAt.subarray(0, refundCount), orderCount);
  const sequence = orderByTime(times, orderCount + refundCount);
  const orderIds = new Array<string>(orderCount);
  const width = Math.max(6, String(orderCount).length);
  let nextOrderNumber = 1;
  const rows: Transaction[] = [];

  for (let position = 0; position < orderCount + refundCount; position++) {
    const event = sequence[position] as number;
    if (event < orderCount) {
      const orderId = `o${String(nextOrderNumber++).padStart(width, '0')}`;
      orderIds[event] = orderId;
      const customerId = customerIds[orders.customer[event] as number] as string;
      const at = orders.at[event] as number;
      const channel = channels[orders.channel[event] as number] as string;
      const status = orders.cancelled[event] === 1 ? 'cancelled' : 'completed';
      const discounted = orders.discounted[event] === 1;
      const firstLine = orders.firstLine[event] as number;
      const endLine = event + 1 < orderCount ? (orders.firstLine[event + 1] as number) : lineCount;
      for (let line = firstLine; line < endLine; line++) {
        const category = orders.lineCategory[line] as number;
        const lineId = LINE_IDS[line - firstLine] as string;
        const categoryName = categories[category] as string;
        const sku = (skuCodes[category] as readonly string[])[orders.lineSku[line] as number] as string;
        const amount = (orders.lineCents[line] as number) / 100;
        const quantity = orders.lineQuantity[line] as number;
        rows.push(
          discounted
            ? { orderId, lineId, customerId, at, amount, currency, category: categoryName, sku, quantity, discount: (orders.lineDiscountCents[line] as number) / 100, channel, status }
            : { orderId, lineId, customerId, at, amount, currency, category: categoryName, sku, quantity, channel, status },
        );
      }
    } else {
      const refund = event - orderCount;
      const order = orders.refundOrder[refund] as number;
      const line = orders.refundLine[refund] as number;
      const category = orders.lineCategory[line] as number;
      rows.push({
        orderId: orderIds[order] as string,
        lineId: REFUND_LINE_ID,
        customerId: customerIds[orders.customer[order] as number] as string,
        at: orders.refundAt[refund] as number,
        amount: -(orders.lineCents[line] as number) / 100,
        currency,
        category: categories[category] as string,
        sku: (skuCodes[category] as readonly string[])[orders.lineSku[line] as number] as string,
        channel: channels[orders.channel[order] as number] as string,
        status: 'completed',
      });
    }
  }
  return rows;
}

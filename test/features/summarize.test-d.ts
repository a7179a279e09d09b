import { describe, expectTypeOf, it } from 'vitest';
import { createSummarizer, parseTransactions, rfm, summarize, type CustomerFeatures, type FeatureName, type SummarizeInputOptions, type SummarizeOptions, type Summarizer, type Transaction, type TransactionInput } from 'clientele';

describe('summarize types', () => {
  it('takes raw rows with dates as Date, ISO string or epoch ms, or parsed records', () => {
    expectTypeOf(summarize).toBeCallableWith([{ orderId: 'o1', customerId: 1, at: new Date(), amount: 1 }], { asOf: '2026-01-01' });
    expectTypeOf(summarize).toBeCallableWith([{ orderId: 1, customerId: 'c', at: '2026-01-01', amount: 1, status: null }], { asOf: 0 });
    expectTypeOf(summarize).toBeCallableWith(parseTransactions([]).records, { asOf: new Date(0), unit: 'weeks' });
    expectTypeOf<Transaction>().toMatchTypeOf<TransactionInput>();
  });

  it('requires asOf and a known unit', () => {
    // @ts-expect-error asOf is required: clientele never reads the clock
    summarize([], {});
    // @ts-expect-error the unit is days or weeks
    summarize([], { asOf: '2026-01-01', unit: 'months' });
  });

  it('returns features whose nullable fields say so', () => {
    expectTypeOf(summarize([], { asOf: '2026-01-01' })).toEqualTypeOf<CustomerFeatures[]>();
    expectTypeOf<CustomerFeatures['daysSinceLastPurchase']>().toEqualTypeOf<number | null>();
    expectTypeOf<CustomerFeatures['orders']>().toEqualTypeOf<number>();
    expectTypeOf<CustomerFeatures['timeUnit']>().toEqualTypeOf<'days' | 'weeks'>();
  });

  it('types a summary limited to fields as the customer id and those fields', () => {
    const lean = summarize([], { asOf: '2026-01-01', fields: ['orders', 'daysSinceLastPurchase'] });
    expectTypeOf(lean).toEqualTypeOf<Pick<CustomerFeatures, 'customerId' | 'orders' | 'daysSinceLastPurchase'>[]>();
    // @ts-expect-error a field that was not asked for is not there
    void lean[0]?.monetaryTotal;
    // @ts-expect-error only feature names are fields
    summarize([], { asOf: '2026-01-01', fields: ['ordrs'] });
    expectTypeOf(createSummarizer({ asOf: 0, fields: ['monetaryTotal'] })).toEqualTypeOf<Summarizer<Pick<CustomerFeatures, 'customerId' | 'monetaryTotal'>>>();
    expectTypeOf(createSummarizer({ asOf: 0 })).toEqualTypeOf<Summarizer>();
    // rfm takes what a summary limited to the RFM fields gives
    expectTypeOf(rfm).toBeCallableWith(summarize([], { asOf: 0, fields: ['daysSinceLastPurchase', 'orders', 'monetaryTotal'] }));
  });

  it('takes options held in a variable of the exported option types (found by review)', () => {
    const options: SummarizeInputOptions = { asOf: '2026-01-01' };
    expectTypeOf(summarize([], options)).toEqualTypeOf<CustomerFeatures[]>();
    const summarizerOptions: SummarizeOptions = { asOf: '2026-01-01' };
    expectTypeOf(createSummarizer(summarizerOptions)).toEqualTypeOf<Summarizer>();
    // A variable that holds fields is typed by them too.
    const withFields = { asOf: 0, fields: ['orders'] } as const;
    expectTypeOf(summarize([], withFields)).toEqualTypeOf<Pick<CustomerFeatures, 'customerId' | 'orders'>[]>();
  });

  it('does not claim every feature when the field names are not known at the call (found by review)', () => {
    const fields: FeatureName[] = ['orders'];
    const lean = summarize([], { asOf: '2026-01-01', fields });
    expectTypeOf(lean).toEqualTypeOf<(Pick<CustomerFeatures, 'customerId'> & Partial<CustomerFeatures>)[]>();
    expectTypeOf(lean[0]?.monetaryTotal).toEqualTypeOf<number | undefined>();
  });
});

import { describe, expect, it } from 'vitest';
import { parseTransactions, splitCalibrationHoldout, summarize, type CustomerFeatures } from 'clientele';
import { readCdnowSample, readSimpleCsv, sharedDataFile } from '../support/sharedData';

// The 2,357-customer CDNOW sample with the 39-week calibration period of Fader, Hardie & Lee
// (2005): 1997-01-01 .. 1997-09-30 inclusive, times in weeks, same-day purchases merged.
// Expected values come from the published summary (lifetimes' cdnow_customers_summary_with_transactions.csv).
const sample = sharedDataFile('cdnow/CDNOW_sample.txt');
const summary = sharedDataFile('cdnow/cdnow_customers_summary_with_transactions.csv');
const present = sample.present && summary.present;
if (!present) console.warn(`cdnow.test.ts: ${sample.present ? summary.skipReason : sample.skipReason}`);

describe('summarize on CDNOW', () => {
  it.skipIf(!present)(`reproduces the published calibration summary of all 2,357 customers${present ? '' : ` (${sample.skipReason})`}`, () => {
    const parsed = parseTransactions(readCdnowSample(sample.path));
    expect(parsed.counts).toEqual({ given: 6919, accepted: 6919, rejected: 0 });
    const features = new Map(summarize(parsed.records, { asOf: '1997-09-30', unit: 'weeks' }).map((customer) => [customer.customerId, customer]));
    const published = readSimpleCsv(summary.path);
    expect(published).toHaveLength(2357);
    expect(features.size).toBe(2357);

    let sumX = 0;
    const mismatches: string[] = [];
    for (const row of published) {
      const customer = features.get(row.ID as string) as CustomerFeatures;
      sumX += customer.repeatPurchases;
      // The published file rounds t_x, T and zbar to 2 decimals.
      const ok =
        customer.repeatPurchases === Number(row.x) &&
        Math.abs((customer.firstToLastPurchase as number) - Number(row.t_x)) <= 0.005 + 1e-9 &&
        Math.abs((customer.firstPurchaseToAsOf as number) - Number(row.T)) <= 0.005 + 1e-9 &&
        Math.abs((customer.meanRepeatPurchaseValue ?? 0) - Number(row.zbar)) <= 0.005 + 1e-9;
      if (!ok) mismatches.push(row.ID as string);
    }
    expect(mismatches).toEqual([]);
    expect(sumX).toBe(2457); // repeat transactions in calibration, as the papers report
    expect([...features.values()].filter((customer) => customer.repeatPurchases > 0)).toHaveLength(946); // Gamma-Gamma's fitting set
    // Customer 1: first purchase 1997-01-01, so T = 272 / 7 weeks.
    expect(features.get('1')?.firstPurchaseToAsOf).toBeCloseTo(272 / 7, 12);
  });

  it.skipIf(!present)(`splits the 39 + 39 weeks into calibration features and holdout purchases${present ? '' : ` (${sample.skipReason})`}`, () => {
    const rows = readCdnowSample(sample.path);
    const split = splitCalibrationHoldout(rows, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'weeks' });
    expect(split).toHaveLength(2357);
    expect(split[0]?.holdoutDuration).toBeCloseTo(273 / 7, 12); // 1997-10-01 .. 1998-06-30
    const repeatInCalibration = split.reduce((sum, customer) => sum + customer.repeatPurchases, 0);
    const holdoutPurchases = split.reduce((sum, customer) => sum + customer.holdoutPurchases, 0);
    expect(repeatInCalibration).toBe(2457);
    // Every sample record is either in calibration or in the holdout: purchase days add up to the
    // 6,696 customer-days of the sample (README: 6,919 records -> 6,696 customer-days).
    const calibrationDays = split.reduce((sum, customer) => sum + customer.purchaseDays, 0);
    expect(calibrationDays + holdoutPurchases).toBe(6696);
  });
});

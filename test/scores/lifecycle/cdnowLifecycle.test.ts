/**
 * Lifecycle stages on real data: the CDNOW sample (2,357 customers who first bought in Q1 1997),
 * classified at five dates from mid-1997 to mid-1998. Figures (pinned, as the data are fixed):
 *
 * - With P(alive) from a Pareto/NBD model fitted on the calibration period (to 1997-09-30), the
 *   churned count rises at every date as the cohort ages: 9, 43, 156, 226, 290.
 * - Without a model, the rhythm rules call 1,552 churned at 1997-06-30 and 1,779 at 1997-09-30,
 *   then 1,744 to 1,783 through 1998 (74-76 %): most of the cohort bought once or twice in early
 *   1997, and these are judged against the population's usual interval, which lengthens as the
 *   cohort ages (27 days in June 1997, 53 a year later).
 * - Of the 684 customers who bought again in the holdout period, the calibration-end stage is
 *   churned for 17 (2.5 %) with Pareto/NBD's P(alive), 25 (3.7 %) with MBG/NBD's, and 319
 *   (46.6 %) with the rhythm rules alone: CDNOW's buyers come in bursts, so their own median
 *   interval is short and a quiet spell looks final. The models read that better.
 */
import { describe, expect, it } from 'vitest';
import { classifyLifecycle, fitModifiedBgNbd, fitParetoNbd, parseTransactions, splitCalibrationHoldout, summarize, type Transaction, type TransactionModel } from 'clientele';
import { readCdnowSample, sharedDataFile } from '../../support/sharedData';

const sample = sharedDataFile('cdnow/CDNOW_sample.txt');
if (!sample.present) console.warn(`cdnowLifecycle.test.ts: ${sample.skipReason}`);
const skip = sample.present ? '' : ` (${sample.skipReason})`;
const DATES = ['1997-06-30', '1997-09-30', '1997-12-31', '1998-03-31', '1998-06-30'];

let rows: readonly Transaction[] | undefined;
const cdnow = (): readonly Transaction[] => (rows ??= parseTransactions(readCdnowSample(sample.path)).records);

describe('lifecycle stages on CDNOW', () => {
  it.skipIf(!sample.present)(`with P(alive), the churned share rises at every date as the cohort ages${skip}`, () => {
    const model = fitParetoNbd(summarize(cdnow(), { asOf: '1997-09-30', unit: 'weeks' }));
    const churned = DATES.map((asOf) => classifyLifecycle(summarize(cdnow(), { asOf, unit: 'weeks' }), { probabilityModel: model }).counts.churned);
    expect(churned).toEqual([9, 43, 156, 226, 290]);
  });

  it.skipIf(!sample.present)(`without a model, three in four are churned from the calibration end on${skip}`, () => {
    const results = DATES.map((asOf) => classifyLifecycle(summarize(cdnow(), { asOf })));
    expect(results.map((result) => result.counts.churned)).toEqual([1552, 1779, 1783, 1744, 1772]);
    expect(results.map((result) => result.model.populationIntervalDays)).toEqual([27, 35.5, 40.5, 48, 52.75]);
    for (const result of results) expect(Object.values(result.counts).reduce((a, b) => a + b, 0)).toBe(2357);
  });

  it.skipIf(!sample.present)(`customers who bought again in the holdout are overwhelmingly not churned at the calibration end when P(alive) is used${skip}`, () => {
    const split = splitCalibrationHoldout(cdnow(), { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'weeks' });
    const returners = new Set(split.filter((customer) => customer.holdoutPurchases > 0).map((customer) => customer.customerId));
    expect(returners.size).toBe(684);
    const churnedReturners = (probabilityModel: TransactionModel | null) =>
      classifyLifecycle(split, { probabilityModel }).stages.filter((entry) => entry.stage === 'churned' && returners.has(entry.customerId)).length;
    expect(churnedReturners(fitParetoNbd(split))).toBe(17);
    expect(churnedReturners(fitModifiedBgNbd(split))).toBe(25);
    expect(churnedReturners(null)).toBe(319);
  });
});

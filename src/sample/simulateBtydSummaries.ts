import { ConfigurationError, quoteValue } from '../errors';
import { createRandom } from '../internal/createRandom';
import { sampleGamma } from './sampleGamma';

/**
 * The purchase process {@link simulateBtydSummaries} draws from, with its population-level
 * parameters. Rates are per `timeUnit` (per week by default).
 *
 * - `bgnbd` (BG/NBD): purchase rate λ ~ Gamma(shape `r`, rate `alpha`); drop-out probability
 *   p ~ Beta(`a`, `b`); while alive, purchases form a Poisson process of rate λ, and after each
 *   repeat purchase the customer drops out with probability p.
 * - `mbgnbd` (MBG/NBD): as BG/NBD, but the drop-out coin is also tossed at the first purchase.
 * - `paretonbd` (Pareto/NBD): λ ~ Gamma(`r`, `alpha`); an exponential lifetime of rate
 *   μ ~ Gamma(shape `s`, rate `beta`).
 */
export type BtydSimulationModel =
  | { readonly kind: 'bgnbd' | 'mbgnbd'; readonly r: number; readonly alpha: number; readonly a: number; readonly b: number }
  | { readonly kind: 'paretonbd'; readonly r: number; readonly alpha: number; readonly s: number; readonly beta: number };

/**
 * Gamma-Gamma spend parameters: each customer's ν ~ Gamma(shape `q`, rate `gamma`), and each
 * transaction's value ~ Gamma(shape `p`, rate ν), so a customer's mean value is `p / ν`.
 */
export interface SpendSimulationModel {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/** Options of {@link simulateBtydSummaries}. */
export interface SimulateBtydSummariesOptions {
  /** The purchase process and its parameters (rates per `timeUnit`). */
  readonly model: BtydSimulationModel;
  /** Gamma-Gamma transaction values; without it `meanRepeatPurchaseValue` is always `null`. */
  readonly spend?: SpendSimulationModel;
  /** How many customers to draw, from 1 to 10,000,000. Ids are `c00001`, `c00002`... */
  readonly customers: number;
  /** The seed: the same seed and options always give the same customers. A number is read as its decimal text. */
  readonly seed: number | string;
  /** The unit of every time and rate: `'days'` or `'weeks'` (of 7 days). Default `'weeks'`. */
  readonly timeUnit?: 'days' | 'weeks';
  /** T, the time from first purchase to the end of observation, for a customer whose first purchase is at the start; positive, in `timeUnit`. */
  readonly observationLength: number;
  /** First purchases are spread uniformly over this long after the start, so T is uniform in [`observationLength` − spread, `observationLength`]. From 0 (the default: every T equals `observationLength`) to `observationLength`. */
  readonly firstPurchaseSpread?: number;
  /** Records purchases by calendar day, as a transaction log would: purchases on the same day merge into one (see {@link simulateBtydSummaries}). Default `false`. */
  readonly wholeDays?: boolean;
}

/** The process values one simulated customer was drawn with, for checking fits against them. */
export interface SimulatedBtydTruth {
  /** The purchase rate while alive, per `timeUnit`. */
  lambda: number;
  /** The drop-out probability after a purchase (BG/NBD and MBG/NBD). */
  p?: number;
  /** The drop-out rate, per `timeUnit` (Pareto/NBD). */
  mu?: number;
  /** The Gamma-Gamma rate; the customer's mean transaction value is `spend.p / nu` (with `spend`). */
  nu?: number;
  /** Whether the customer is still alive at the end of observation. */
  aliveAtEnd: boolean;
}

/**
 * One simulated customer: the BTYD fields of clientele's `CustomerFeatures` (so the array
 * feeds straight into the model fitters) and the `truth` they were drawn from.
 */
export interface SimulatedBtydSummary {
  customerId: string;
  timeUnit: 'days' | 'weeks';
  /** Repeat purchases (x). */
  repeatPurchases: number;
  /** Time from the first to the last purchase (t_x), in `timeUnit`; 0 when x = 0. */
  firstToLastPurchase: number;
  /** Time from the first purchase to the end of observation (T), in `timeUnit`. */
  firstPurchaseToAsOf: number;
  /** Mean value of the repeat purchases (z̄); `null` when x = 0 or without `spend`. */
  meanRepeatPurchaseValue: number | null;
  truth: SimulatedBtydTruth;
}

/** The most customers one call draws. */
const MAX_CUSTOMERS = 10_000_000;
/**
 * The most purchases one call draws in all. Far above any sensible setting (100,000 customers of
 * the CDNOW BG/NBD fit draw about 150,000); reaching it almost always means rates in the wrong unit.
 */
const MAX_PURCHASES = 100_000_000;

const FUNCTION_NAME = 'simulateBtydSummaries';
const OPTION_NAMES: ReadonlySet<string> = new Set(['model', 'spend', 'customers', 'seed', 'timeUnit', 'observationLength', 'firstPurchaseSpread', 'wholeDays']);
const MODEL_PARAMETERS: Readonly<Record<BtydSimulationModel['kind'], readonly string[]>> = {
  bgnbd: ['r', 'alpha', 'a', 'b'],
  mbgnbd: ['r', 'alpha', 'a', 'b'],
  paretonbd: ['r', 'alpha', 's', 'beta'],
};
const SPEND_PARAMETERS: readonly string[] = ['p', 'q', 'gamma'];

/** The validated settings of one call, parameters in the model's order. */
interface SimulationSettings {
  readonly kind: BtydSimulationModel['kind'];
  /** r, alpha, then a, b (BG/NBD, MBG/NBD) or s, beta (Pareto/NBD). */
  readonly parameters: readonly [number, number, number, number];
  /** p, q, gamma; `undefined` without spend. */
  readonly spend: readonly [number, number, number] | undefined;
  readonly customerCount: number;
  readonly seed: number | string;
  readonly timeUnit: 'days' | 'weeks';
  readonly observationLength: number;
  readonly firstPurchaseSpread: number;
  readonly wholeDays: boolean;
}

function invalid(path: readonly (string | number)[], message: string): ConfigurationError {
  return new ConfigurationError('invalid_option', `${FUNCTION_NAME} ${message}`, path);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listNames(names: readonly string[]): string {
  return names.length === 1 ? (names[0] as string) : `${names.slice(0, -1).join(', ')} and ${names.at(-1) as string}`;
}

/** Reads a group of positive finite parameters (`model.r`, `spend.q`...), rejecting unknown and missing ones. */
function readParameters(group: string, given: unknown, names: readonly string[], skip: string | undefined): number[] {
  if (!isRecord(given)) throw invalid([group], `expects option \`${group}\` to be an object with ${listNames(names)}, received ${quoteValue(given)}`);
  for (const key of Object.keys(given)) {
    if (key !== skip && !names.includes(key)) {
      throw invalid([group, key], `does not know option \`${group}.${key}\`${skip === undefined ? '' : ` for kind ${quoteValue(given[skip])}`}; expected ${listNames(names)}`);
    }
  }
  return names.map((name) => {
    const value = given[name];
    if (value === undefined) throw new ConfigurationError('missing_option', `${FUNCTION_NAME} needs option \`${group}.${name}\``, [group, name]);
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw invalid([group, name], `expects option \`${group}.${name}\` to be a positive finite number, received ${quoteValue(value)}`);
    }
    return value;
  });
}

/** Checks every option, so that a mistake fails at the boundary with a message that names it. */
function readSimulationOptions(options: unknown): SimulationSettings {
  if (!isRecord(options)) throw new ConfigurationError('invalid_option', `${FUNCTION_NAME} expects an options object, received ${quoteValue(options)}`);
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.has(key)) throw invalid([key], `does not know option ${quoteValue(key)}; expected ${listNames([...OPTION_NAMES])}`);
  }
  for (const name of ['model', 'customers', 'seed', 'observationLength']) {
    if (options[name] === undefined) throw new ConfigurationError('missing_option', `${FUNCTION_NAME} needs option \`${name}\``, [name]);
  }

  const model = options.model;
  const kind = isRecord(model) ? model.kind : undefined;
  if (kind !== 'bgnbd' && kind !== 'mbgnbd' && kind !== 'paretonbd') {
    const received = isRecord(model) ? quoteValue(kind) : quoteValue(model);
    throw invalid(['model', 'kind'], `expects option \`model.kind\` to be "bgnbd", "mbgnbd" or "paretonbd", received ${received}`);
  }
  const [r, alpha, third, fourth] = readParameters('model', model, MODEL_PARAMETERS[kind], 'kind') as [number, number, number, number];
  const spend = options.spend === undefined ? undefined : (readParameters('spend', options.spend, SPEND_PARAMETERS, undefined) as [number, number, number]);

  const customers = options.customers;
  if (typeof customers !== 'number' || !Number.isInteger(customers) || customers < 1 || customers > MAX_CUSTOMERS) {
    throw invalid(['customers'], `expects option \`customers\` to be a whole number from 1 to 10,000,000, received ${quoteValue(customers)}`);
  }
  const seed = options.seed;
  if (!((typeof seed === 'number' && Number.isFinite(seed)) || typeof seed === 'string')) {
    throw invalid(['seed'], `expects option \`seed\` to be a finite number or a string, received ${quoteValue(seed)}`);
  }
  const timeUnit = options.timeUnit ?? 'weeks';
  if (timeUnit !== 'days' && timeUnit !== 'weeks') {
    throw invalid(['timeUnit'], `expects option \`timeUnit\` to be "days" or "weeks", received ${quoteValue(timeUnit)}`);
  }
  const observationLength = options.observationLength;
  if (typeof observationLength !== 'number' || !Number.isFinite(observationLength) || observationLength <= 0) {
    throw invalid(['observationLength'], `expects option \`observationLength\` to be a positive finite number, received ${quoteValue(observationLength)}`);
  }
  const firstPurchaseSpread = options.firstPurchaseSpread ?? 0;
  if (typeof firstPurchaseSpread !== 'number' || !Number.isFinite(firstPurchaseSpread) || firstPurchaseSpread < 0 || firstPurchaseSpread > observationLength) {
    throw invalid(
      ['firstPurchaseSpread'],
      `expects option \`firstPurchaseSpread\` to be a number from 0 to \`observationLength\` (${observationLength}), received ${quoteValue(firstPurchaseSpread)}`,
    );
  }
  const wholeDays = options.wholeDays ?? false;
  if (typeof wholeDays !== 'boolean') throw invalid(['wholeDays'], `expects option \`wholeDays\` to be true or false, received ${quoteValue(wholeDays)}`);

  return {
    kind,
    parameters: [r, alpha, third, fourth],
    spend,
    customerCount: customers,
    seed,
    timeUnit,
    observationLength,
    firstPurchaseSpread,
    wholeDays,
  };
}

/**
 * Draws one value from Beta(a, b) as X / (X + Y) with X ~ Gamma(a) and Y ~ Gamma(b). When both
 * underflow to 0 (possible only for tiny shapes) it returns the Beta's limit as the shapes shrink:
 * 1 with probability a / (a + b), else 0.
 */
function sampleBeta(random: () => number, a: number, b: number): number {
  const x = sampleGamma(random, a, 1);
  const sum = x + sampleGamma(random, b, 1);
  if (sum > 0) return x / sum;
  return random() < a / (a + b) ? 1 : 0;
}

/**
 * Draws customers from a known "buy till you die" process (BG/NBD, MBG/NBD or Pareto/NBD, with
 * optional Gamma-Gamma spend) and returns their BTYD summaries, shaped like the fields of
 * `CustomerFeatures` that the model fitters read, each with the `truth` it was drawn from. Use
 * it to test that a fit recovers known parameters and to benchmark fits; use `generateSample`
 * instead for a realistic shop with transactions, attributes and interactions.
 *
 * Each customer's first purchase is at time 0 and observation ends at T (`firstPurchaseToAsOf`):
 * `observationLength`, or uniform over the last `firstPurchaseSpread` of it. Inter-purchase gaps
 * are exponential draws, so the cost is one step per purchase, never per time step; 100,000
 * customers of the CDNOW fit took about 60 ms when measured. Purchase times and drop-outs come
 * from one seeded stream and transaction values from another, so adding `spend` leaves x, t_x
 * and T unchanged. Pure: no clock, no global randomness.
 *
 * With `wholeDays`, times are recorded the way `summarize` reads a transaction log: the end of
 * observation is midnight at the start of a day, the first purchase falls at a time of day
 * (midnight when T is a whole number of days), and each purchase is recorded on its calendar day.
 * T and t_x become whole days (in weeks, multiples of 1/7); repeat purchases on the first
 * purchase's day are not counted, and several on one later day count once, with the day's value
 * the sum of its transactions. This is how real data loses information, so fits on it recover
 * parameters less exactly than on continuous times; `truth` still describes the process.
 *
 * @param options - The process (`model`, `spend`), `customers`, `seed`, `timeUnit` and the
 *   observation window (`observationLength`, `firstPurchaseSpread`, `wholeDays`).
 * @returns One plain object per customer, in id order: `customerId`, `timeUnit`,
 *   `repeatPurchases` (x), `firstToLastPurchase` (t_x), `firstPurchaseToAsOf` (T),
 *   `meanRepeatPurchaseValue` (z̄) and `truth` (`lambda`, `p` or `mu`, `nu`, `aliveAtEnd`).
 * @throws {ConfigurationError} `missing_option` without `model`, `customers`, `seed`,
 *   `observationLength` or a model or spend parameter; `invalid_option` for an unknown option or
 *   parameter, a model kind other than bgnbd, mbgnbd or paretonbd, a parameter that is not a
 *   positive finite number, `customers` outside 1 to 10,000,000, a seed that is not a finite
 *   number or a string, a `timeUnit` other than days or weeks, an `observationLength` that is not
 *   positive, a `firstPurchaseSpread` outside 0 to `observationLength`, or a non-boolean
 *   `wholeDays`; `too_many_rows` when the process draws more than 100 million purchases in all.
 *
 * @example
 * ```ts
 * import { simulateBtydSummaries } from 'clientele/sample';
 * const simulated = simulateBtydSummaries({
 *   model: { kind: 'bgnbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
 *   spend: { p: 6.25, q: 3.74, gamma: 15.44 },
 *   customers: 1000,
 *   seed: 7,
 *   observationLength: 39,
 * });
 * simulated.length; // => 1000
 * simulated[0]?.customerId; // => 'c00001'
 * simulated.every((customer) => customer.firstPurchaseToAsOf === 39 && customer.timeUnit === 'weeks'); // => true
 * simulated.every((customer) => customer.firstToLastPurchase <= customer.firstPurchaseToAsOf); // => true
 * simulated.every((customer) => (customer.repeatPurchases === 0) === (customer.meanRepeatPurchaseValue === null)); // => true
 * simulated.some((customer) => !customer.truth.aliveAtEnd); // => true
 * ```
 * @category Sample
 * @see Fader, P. S., Hardie, B. G. S. and Lee, K. L. (2005), "'Counting your customers' the easy
 *   way: an alternative to the Pareto/NBD model", Marketing Science 24(2), 275-284 (BG/NBD).
 * @see Batislam, E. P., Denizel, M. and Filiztekin, A. (2007), "Empirical validation and comparison
 *   of models for customer base analysis", International Journal of Research in Marketing 24(3),
 *   201-209 (MBG/NBD).
 * @see Schmittlein, D. C., Morrison, D. G. and Colombo, R. (1987), "Counting your customers:
 *   who are they and what will they do next?", Management Science 33(1), 1-24 (Pareto/NBD).
 * @see Fader, P. S. and Hardie, B. G. S. (2013), "The Gamma-Gamma model of monetary value",
 *   http://www.brucehardie.com/notes/025/ (spend).
 */
export function simulateBtydSummaries(options: SimulateBtydSummariesOptions): SimulatedBtydSummary[] {
  const settings = readSimulationOptions(options);
  const { kind, timeUnit, observationLength, firstPurchaseSpread, wholeDays } = settings;
  const [r, alpha, third, fourth] = settings.parameters;
  const isParetoNbd = kind === 'paretonbd';
  const tossAtFirstPurchase = kind === 'mbgnbd';
  const spend = settings.spend;
  const random = createRandom(settings.seed);
  // Values come from their own stream, so adding `spend` does not move any purchase.
  const spendRandom = createRandom(`${String(settings.seed)}:spend`);
  const unitDays = timeUnit === 'weeks' ? 7 : 1;
  const idWidth = Math.max(5, String(settings.customerCount).length);
  let purchasesLeft = MAX_PURCHASES;

  const result: SimulatedBtydSummary[] = [];
  for (let index = 0; index < settings.customerCount; index++) {
    const observed = firstPurchaseSpread > 0 ? observationLength - firstPurchaseSpread * random() : observationLength;
    const lambda = sampleGamma(random, r, 1 / alpha);
    let p = 0;
    let mu = 0;
    let lifetime = Infinity;
    let alive = true;
    if (isParetoNbd) {
      mu = sampleGamma(random, third, 1 / fourth);
      if (mu > 0) lifetime = -Math.log(1 - random()) / mu;
    } else {
      p = sampleBeta(random, third, fourth);
      if (tossAtFirstPurchase && random() < p) alive = false;
    }
    const nu = spend === undefined ? 0 : sampleGamma(spendRandom, spend[1], 1 / spend[2]);
    const valueScale = 1 / nu;

    // With wholeDays, day k after the first purchase's day covers [k - offset, k + 1 - offset) days.
    const observedDays = Math.ceil(observed * unitDays);
    const offset = observedDays - observed * unitDays;
    const end = Math.min(observed, lifetime);
    let repeats = 0;
    let last = 0;
    let lastDay = 0;
    let valueSum = 0;
    if (alive && lambda > 0) {
      let time = 0;
      for (;;) {
        time -= Math.log(1 - random()) / lambda;
        if (time >= end) break;
        if (--purchasesLeft < 0) {
          throw new ConfigurationError(
            'too_many_rows',
            `${FUNCTION_NAME} stopped after drawing ${MAX_PURCHASES.toLocaleString('en-US')} purchases; check that the model's rates are per \`timeUnit\` (${timeUnit})`,
          );
        }
        const value = spend === undefined ? 0 : sampleGamma(spendRandom, spend[0], valueScale);
        if (!wholeDays) {
          repeats++;
          last = time;
          valueSum += value;
        } else {
          const day = Math.min(Math.floor(offset + time * unitDays), observedDays);
          if (day > 0) {
            if (day > lastDay) {
              repeats++;
              lastDay = day;
            }
            valueSum += value;
          }
        }
        if (!isParetoNbd && random() < p) {
          alive = false;
          break;
        }
      }
    }

    const truth: SimulatedBtydTruth = isParetoNbd ? { lambda, mu, aliveAtEnd: lifetime > observed } : { lambda, p, aliveAtEnd: alive };
    if (spend !== undefined) truth.nu = nu;
    result.push({
      customerId: `c${String(index + 1).padStart(idWidth, '0')}`,
      timeUnit,
      repeatPurchases: repeats,
      firstToLastPurchase: wholeDays ? lastDay / unitDays : last,
      firstPurchaseToAsOf: wholeDays ? observedDays / unitDays : observed,
      meanRepeatPurchaseValue: spend !== undefined && repeats > 0 ? valueSum / repeats : null,
      truth,
    });
  }
  return result;
}

import { CATEGORIES, CATEGORY_POPULARITY } from './productCatalogue';
import { sampleGamma } from './sampleGamma';

/** Sales channels, in the order of the channel indices used by the order columns. */
export const TRANSACTION_CHANNELS = ['web', 'store', 'app'] as const;
/** Cumulative shares of customers preferring each of {@link TRANSACTION_CHANNELS}. */
const PREFERRED_CHANNEL_CUMULATIVE = [0.55, 0.8, 1];

/** Share of customers who sign up and never buy. */
const PROSPECT_SHARE = 0.085;
/**
 * Pareto/NBD story, time in days. Purchase rate λ ~ Gamma(shape r, rate α): mean r/α ≈ 0.04 a
 * day (about 15 a year) but strongly skewed (r < 1), so many customers have a low rate and a
 * few buy weekly. Dropout rate μ ~ Gamma(shape s, rate β), mean s/β ≈ 0.0036 a day; lifetime
 * ~ Exponential(μ) from the first purchase. With two years and sign-ups spread over them, a
 * buyer averages about 9.5 orders and a third buy once.
 */
const PURCHASE_RATE_SHAPE = 0.45;
const PURCHASE_RATE_RATE = 11;
/** A cap on λ, so that one customer cannot place hundreds of orders a month. */
const MAX_PURCHASE_RATE = 0.5;
const DROPOUT_RATE_SHAPE = 0.9;
const DROPOUT_RATE_RATE = 250;
/** Days from sign-up to the first purchase ~ Gamma(0.6, 15): mean 9 days, often the same day. */
const FIRST_PURCHASE_DELAY_SHAPE = 0.6;
const FIRST_PURCHASE_DELAY_SCALE = 15;
/** Prospects stay interested (visit, open emails) for an exponential time with this mean, in days. */
const PROSPECT_INTEREST_DAYS = 45;
/**
 * Gamma-Gamma spend: each order's value ~ Gamma(p, rate ν) with ν ~ Gamma(q, rate γ), so a
 * customer's mean order value p/ν averages pγ/(q-1) = 60 and is right-skewed. p must be a
 * whole number: orders draw their value as a sum of p exponentials.
 */
export const ORDER_VALUE_SHAPE = 4;
const VALUE_RATE_SHAPE = 3.5;
const VALUE_RATE_RATE = 37.5;
/** Concentration of the per-customer category preferences: Dirichlet(c · popularity). Small c, strong favourites. */
const CATEGORY_CONCENTRATION = 1.6;

/** One customer's hidden traits, from which their orders and interactions are simulated. Reused between customers. */
export interface CustomerTraits {
  index: number;
  /** Sign-up time, fractional days since the period's start. */
  signup: number;
  /** Whether the customer buys within the period (not a prospect, first purchase before the end). */
  buys: boolean;
  /** First purchase time, days since the start. */
  firstPurchase: number;
  /** When the customer drops out (stops buying), days since the start; may lie after the period. */
  dropout: number;
  /** λ: purchases per day while active. */
  purchaseRate: number;
  /** ν: the rate of the Gamma distribution of the customer's order values (mean value ORDER_VALUE_SHAPE / ν). */
  valueRate: number;
  /** How responsive the customer is to emails and the site, around 1. */
  engagement: number;
  /** Index into {@link TRANSACTION_CHANNELS}. */
  preferredChannel: number;
  /** Cumulative category preference, normalised to end at 1, in the order of {@link CATEGORIES}. */
  readonly categoryCumulative: Float64Array;
  emailConsent: boolean;
  smsConsent: boolean;
}

/** Creates a traits object to be filled by {@link drawCustomerTraits}. */
export function createCustomerTraits(): CustomerTraits {
  return {
    index: 0,
    signup: 0,
    buys: false,
    firstPurchase: 0,
    dropout: 0,
    purchaseRate: 0,
    valueRate: 1,
    engagement: 1,
    preferredChannel: 0,
    categoryCumulative: new Float64Array(CATEGORIES.length),
    emailConsent: false,
    smsConsent: false,
  };
}

/** Picks an index from cumulative weights that end at 1, given a uniform draw `u` in [0, 1). */
export function pickCumulative(cumulative: ArrayLike<number>, u: number): number {
  const last = cumulative.length - 1;
  for (let index = 0; index < last; index++) {
    if (u < (cumulative[index] as number)) return index;
  }
  return last;
}

/**
 * Draws one customer's hidden traits: purchase and dropout rates, spend level, engagement,
 * preferred channel, category preferences and consent.
 *
 * @param random - The sample's generator.
 * @param traits - The object to fill (reused between customers).
 * @param index - The customer's index.
 * @param signup - Sign-up time, days since the start.
 * @param dayCount - Length of the period, days.
 */
export function drawCustomerTraits(random: () => number, traits: CustomerTraits, index: number, signup: number, dayCount: number): void {
  traits.index = index;
  traits.signup = signup;
  const prospect = random() < PROSPECT_SHARE;
  traits.purchaseRate = Math.min(MAX_PURCHASE_RATE, sampleGamma(random, PURCHASE_RATE_SHAPE, 1 / PURCHASE_RATE_RATE));
  const dropoutRate = sampleGamma(random, DROPOUT_RATE_SHAPE, 1 / DROPOUT_RATE_RATE);
  const lifetime = -Math.log(1 - random()) / dropoutRate;
  traits.firstPurchase = signup + sampleGamma(random, FIRST_PURCHASE_DELAY_SHAPE, FIRST_PURCHASE_DELAY_SCALE);
  traits.buys = !prospect && traits.firstPurchase <= dayCount;
  traits.dropout = prospect ? signup - PROSPECT_INTEREST_DAYS * Math.log(1 - random()) : traits.firstPurchase + lifetime;
  traits.valueRate = sampleGamma(random, VALUE_RATE_SHAPE, 1 / VALUE_RATE_RATE);
  traits.engagement = sampleGamma(random, 2, 0.5);
  traits.preferredChannel = pickCumulative(PREFERRED_CHANNEL_CUMULATIVE, random());

  // Dirichlet draw: independent Gamma(c · popularity) weights, normalised.
  const cumulative = traits.categoryCumulative;
  let total = 0;
  for (let category = 0; category < cumulative.length; category++) {
    total += sampleGamma(random, CATEGORY_CONCENTRATION * (CATEGORY_POPULARITY[category] as number), 1);
    cumulative[category] = total;
  }
  if (total > 0) {
    for (let category = 0; category < cumulative.length; category++) cumulative[category] = (cumulative[category] as number) / total;
  } else {
    // All weights underflowed (vanishingly rare): fall back to the shop's popularity.
    let running = 0;
    for (let category = 0; category < cumulative.length; category++) {
      running += CATEGORY_POPULARITY[category] as number;
      cumulative[category] = running;
    }
  }

  traits.emailConsent = random() < 0.62;
  traits.smsConsent = random() < (traits.emailConsent ? 0.45 : 0.12);
}

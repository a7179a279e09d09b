import type { RfmLanguage } from '../rfm/rfmSegments';
import type { LifecycleReason } from './LifecycleModel';

/** A reason's facts, before its sentence is written. */
export type LifecycleReasonFacts = LifecycleReason extends infer R ? (R extends LifecycleReason ? Omit<R, 'text'> : never) : never;

type Code = LifecycleReasonFacts['code'];
type Writers = { readonly [K in Code]: (reason: Extract<LifecycleReasonFacts, { code: K }>) => string };

const MODEL_NAMES = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', paretonbd: 'Pareto/NBD' } as const;

/**
 * A template tag that joins its parts into one flat string. A plain template literal builds a
 * chain of rope nodes, several objects per sentence; on 100,000 retained classifications those
 * cost the garbage collector more than writing the sentences does.
 */
function flat(strings: TemplateStringsArray, ...values: readonly (string | number)[]): string {
  const parts: (string | number)[] = [strings[0] as string];
  for (let i = 0; i < values.length; i += 1) parts.push(values[i] as string | number, strings[i + 1] as string);
  return parts.join('');
}

/** Rounds for a sentence: whole days, factors and percentages to one decimal. */
const d = (value: number): number => Math.round(value);
const x = (value: number): number => Math.round(value * 10) / 10;
const pct = (share: number): number => Math.round(Math.abs(share) * 1000) / 10;

const SENTENCES: Readonly<Record<RfmLanguage, Writers>> = {
  en: {
    no_purchase: () => 'No purchase yet.',
    overdue: (r) => flat`${d(r.daysSinceLastPurchase)} days since the last purchase: ${x(r.factor)} times ${r.intervalSource === 'own' ? 'their' : 'the customers’'} usual ${d(r.usualIntervalDays)}-day interval.`,
    low_probability_alive: (r) => flat`The ${MODEL_NAMES[r.model]} model gives a ${pct(r.probabilityAlive)}% chance they are still a customer.`,
    returned_after_gap: (r) => flat`Bought again after ${d(r.gapDays)} days away: ${x(r.factor)} times the usual ${d(r.usualIntervalDays)}-day interval.`,
    recent_first_purchase: (r) => flat`First purchase ${d(r.daysSinceFirstPurchase)} days ago; ${r.orders} ${r.orders === 1 ? 'order' : 'orders'} so far.`,
    spend_down: (r) => flat`Spend in the latest period fell ${pct(r.spendChange)}% on the period before.`,
    intervals_lengthening: (r) => flat`The latest gap between purchases was ${d(r.lastIntervalDays)} days: ${x(r.factor)} times their usual ${d(r.usualIntervalDays)} days.`,
    spend_up: (r) => flat`Spend in the latest period rose ${pct(r.spendChange)}% on the period before.`,
    long_steady_tenure: (r) => flat`A customer for ${d(r.daysSinceFirstPurchase)} days, with ${r.orders} orders at a steady pace.`,
    within_rhythm: (r) => flat`${d(r.daysSinceLastPurchase)} days since the last purchase, within the usual ${d(r.usualIntervalDays)}-day rhythm (${x(r.factor)} times).`,
  },
  zh: {
    no_purchase: () => '尚未购买。',
    overdue: (r) => flat`距上次购买已 ${d(r.daysSinceLastPurchase)} 天，是${r.intervalSource === 'own' ? '其平时' : '客户平均'}购买间隔（${d(r.usualIntervalDays)} 天）的 ${x(r.factor)} 倍。`,
    low_probability_alive: (r) => flat`${MODEL_NAMES[r.model]} 模型估计其仍是活跃客户的概率为 ${pct(r.probabilityAlive)}%。`,
    returned_after_gap: (r) => flat`间隔 ${d(r.gapDays)} 天后再次购买，是平时购买间隔（${d(r.usualIntervalDays)} 天）的 ${x(r.factor)} 倍。`,
    recent_first_purchase: (r) => flat`首次购买于 ${d(r.daysSinceFirstPurchase)} 天前，目前共 ${r.orders} 笔订单。`,
    spend_down: (r) => flat`最近一期消费较上一期下降 ${pct(r.spendChange)}%。`,
    intervals_lengthening: (r) => flat`最近两次购买间隔 ${d(r.lastIntervalDays)} 天，是其平时间隔（${d(r.usualIntervalDays)} 天）的 ${x(r.factor)} 倍。`,
    spend_up: (r) => flat`最近一期消费较上一期增长 ${pct(r.spendChange)}%。`,
    long_steady_tenure: (r) => flat`已成为客户 ${d(r.daysSinceFirstPurchase)} 天，共 ${r.orders} 笔订单，购买节奏稳定。`,
    within_rhythm: (r) => flat`距上次购买 ${d(r.daysSinceLastPurchase)} 天，仍在平时 ${d(r.usualIntervalDays)} 天的购买节奏内（${x(r.factor)} 倍）。`,
  },
  es: {
    no_purchase: () => 'Aún no ha comprado.',
    overdue: (r) => flat`${d(r.daysSinceLastPurchase)} días desde la última compra: ${x(r.factor)} veces ${r.intervalSource === 'own' ? 'su' : 'el'} intervalo habitual de ${d(r.usualIntervalDays)} días${r.intervalSource === 'own' ? '' : ' de los clientes'}.`,
    low_probability_alive: (r) => flat`El modelo ${MODEL_NAMES[r.model]} estima un ${pct(r.probabilityAlive)} % de probabilidad de que siga siendo cliente.`,
    returned_after_gap: (r) => flat`Volvió a comprar tras ${d(r.gapDays)} días sin hacerlo: ${x(r.factor)} veces el intervalo habitual de ${d(r.usualIntervalDays)} días.`,
    recent_first_purchase: (r) => flat`Primera compra hace ${d(r.daysSinceFirstPurchase)} días; ${r.orders} ${r.orders === 1 ? 'pedido' : 'pedidos'} hasta ahora.`,
    spend_down: (r) => flat`El gasto del último periodo cayó un ${pct(r.spendChange)} % respecto al anterior.`,
    intervals_lengthening: (r) => flat`El último intervalo entre compras fue de ${d(r.lastIntervalDays)} días: ${x(r.factor)} veces sus ${d(r.usualIntervalDays)} días habituales.`,
    spend_up: (r) => flat`El gasto del último periodo subió un ${pct(r.spendChange)} % respecto al anterior.`,
    long_steady_tenure: (r) => flat`Cliente desde hace ${d(r.daysSinceFirstPurchase)} días, con ${r.orders} pedidos a un ritmo constante.`,
    within_rhythm: (r) => flat`${d(r.daysSinceLastPurchase)} días desde la última compra, dentro de su ritmo habitual de ${d(r.usualIntervalDays)} días (${x(r.factor)} veces).`,
  },
};

/**
 * Writes a lifecycle reason as a sentence in English, Simplified Chinese or Spanish, from its
 * facts (numbers rounded for reading; the reason object keeps them exact). `classifyLifecycle`
 * does this for every customer unless asked not to (`sentences: false`); a dashboard that
 * shows a few customers at a time can write them here on demand.
 *
 * @param reason - A reason's facts (a `LifecycleReason`, its `text` ignored).
 * @param language - `en`, `zh` or `es`.
 * @returns The sentence.
 *
 * @example
 * ```ts
 * import { describeLifecycleReason } from 'clientele';
 * const reason = { code: 'overdue', daysSinceLastPurchase: 94, usualIntervalDays: 30, factor: 94 / 30, intervalSource: 'own' } as const;
 * describeLifecycleReason(reason, 'en'); // => '94 days since the last purchase: 3.1 times their usual 30-day interval.'
 * describeLifecycleReason(reason, 'zh'); // => '距上次购买已 94 天，是其平时购买间隔（30 天）的 3.1 倍。'
 * ```
 * @category Lifecycle
 */
export function describeLifecycleReason(reason: LifecycleReasonFacts, language: RfmLanguage): string {
  const write = SENTENCES[language][reason.code] as (facts: LifecycleReasonFacts) => string;
  return write(reason);
}

/** Each code's place in the sentence key. */
const CODE_INDEX: { readonly [K in Code]: number } = {
  no_purchase: 0,
  overdue: 1,
  low_probability_alive: 2,
  returned_after_gap: 3,
  recent_first_purchase: 4,
  spend_down: 5,
  intervals_lengthening: 6,
  spend_up: 7,
  long_steady_tenure: 8,
  within_rhythm: 9,
};
const MODEL_INDEX = { bgnbd: 0, mbgnbd: 1, paretonbd: 2 } as const;
/** Each value of a key fits below this, so both halves of a key are 32-bit integers the table stores without allocating. */
const SLOT = 32_768;

/** The sentence table holds 2^16 sentences at most. */
const CACHE_BITS = 16;
const CACHE_SLOTS = 1 << CACHE_BITS;

const fits = (value: number): boolean => Number.isInteger(value) && value >= 0 && value < SLOT;

/**
 * A `describeLifecycleReason` for one language that remembers the sentences it wrote: many
 * customers share what their sentence shows (whole days since their last purchase, the
 * population's usual interval), so classifying a population writes each distinct sentence once.
 * The key is everything a sentence shows, rounded as the sentence rounds it (days to whole days,
 * factors to tenths, shares to tenths of a percent): two reasons with the same key have the same
 * sentence in every language. A reason whose values do not fit a key is written without the
 * cache. Internal to lifecycle classification; a describer lives as long as one run.
 */
export function createReasonDescriber(language: RfmLanguage): (reason: LifecycleReasonFacts) => string {
  // A direct-mapped table: each key has one slot; a key that lands on another's slot takes it over.
  const slotHigh = new Int32Array(CACHE_SLOTS).fill(-1);
  const slotLow = new Int32Array(CACHE_SLOTS);
  const slotSentence: string[] = new Array<string>(CACHE_SLOTS).fill('');
  return (reason) => {
    // The code and up to three shown values: (code, flag, a) and (b, c) are the two halves of the key.
    let flag = 0;
    let a = 0;
    let b = 0;
    let c = 0;
    switch (reason.code) {
      case 'no_purchase':
        break;
      case 'overdue':
      case 'within_rhythm':
      case 'returned_after_gap':
      case 'intervals_lengthening':
        // Days, a factor in tenths and the usual interval; the interval's source where shown.
        a = d(reason.code === 'returned_after_gap' ? reason.gapDays : reason.code === 'intervals_lengthening' ? reason.lastIntervalDays : reason.daysSinceLastPurchase);
        b = Math.round(reason.factor * 10);
        c = d(reason.usualIntervalDays);
        flag = reason.code !== 'intervals_lengthening' && reason.intervalSource === 'own' ? 1 : 0;
        break;
      case 'low_probability_alive':
        a = Math.round(Math.abs(reason.probabilityAlive) * 1000);
        b = MODEL_INDEX[reason.model];
        break;
      case 'recent_first_purchase':
      case 'long_steady_tenure':
        a = d(reason.daysSinceFirstPurchase);
        b = reason.orders;
        break;
      case 'spend_down':
      case 'spend_up':
        a = Math.round(Math.abs(reason.spendChange) * 1000);
        break;
    }
    if (!fits(a) || !fits(b) || !fits(c)) return describeLifecycleReason(reason, language);
    const high = (CODE_INDEX[reason.code] * 2 + flag) * SLOT + a;
    const low = b * SLOT + c;
    const slot = (Math.imul(high, 0x9e3779b1) ^ Math.imul(low, 0x85ebca6b)) >>> (32 - CACHE_BITS);
    if (slotHigh[slot] === high && slotLow[slot] === low) return slotSentence[slot] as string;
    const sentence = describeLifecycleReason(reason, language);
    slotHigh[slot] = high;
    slotLow[slot] = low;
    slotSentence[slot] = sentence;
    return sentence;
  };
}

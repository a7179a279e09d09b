import type { RfmLanguage } from '../scores/rfm/rfmSegments';

type Phrase = Readonly<Record<RfmLanguage, string>>;
type Words = Readonly<Record<'veryHigh' | 'high' | 'low' | 'veryLow', Phrase>>;

/** Orders and purchase days both say how often a customer buys. */
const FREQUENCY_WORDS: Words = {
  veryHigh: { en: 'very frequent', zh: '购买极频繁', es: 'muy frecuente' },
  high: { en: 'frequent', zh: '高频购买', es: 'frecuente' },
  low: { en: 'infrequent', zh: '低频购买', es: 'poco frecuente' },
  veryLow: { en: 'very infrequent', zh: '极少购买', es: 'muy poco frecuente' },
};

/** How a cluster that stands out on a field is described, per field, direction and strength. */
const FIELD_WORDS: Readonly<Record<string, Words>> = {
  monetaryTotal: {
    veryHigh: { en: 'very high spend', zh: '极高消费', es: 'gasto muy alto' },
    high: { en: 'high spend', zh: '高消费', es: 'gasto alto' },
    low: { en: 'low spend', zh: '低消费', es: 'gasto bajo' },
    veryLow: { en: 'very low spend', zh: '极低消费', es: 'gasto muy bajo' },
  },
  orders: FREQUENCY_WORDS,
  purchaseDays: FREQUENCY_WORDS,
  daysSinceLastPurchase: {
    veryHigh: { en: 'long lapsed', zh: '流失已久', es: 'inactivo hace mucho' },
    high: { en: 'lapsed', zh: '久未购买', es: 'inactivo' },
    low: { en: 'recent', zh: '近期活跃', es: 'reciente' },
    veryLow: { en: 'very recent', zh: '刚刚购买', es: 'muy reciente' },
  },
  averageOrderValue: {
    veryHigh: { en: 'very big baskets', zh: '客单价极高', es: 'pedidos muy grandes' },
    high: { en: 'big baskets', zh: '客单价高', es: 'pedidos grandes' },
    low: { en: 'small baskets', zh: '客单价低', es: 'pedidos pequeños' },
    veryLow: { en: 'very small baskets', zh: '客单价极低', es: 'pedidos muy pequeños' },
  },
  daysSinceFirstPurchase: {
    veryHigh: { en: 'very long-standing', zh: '资深老客户', es: 'muy antiguo' },
    high: { en: 'long-standing', zh: '老客户', es: 'antiguo' },
    low: { en: 'new', zh: '新客户', es: 'nuevo' },
    veryLow: { en: 'very new', zh: '全新客户', es: 'muy nuevo' },
  },
  discountedOrderShare: {
    veryHigh: { en: 'keen deal seekers', zh: '极度偏好折扣', es: 'cazadores de ofertas' },
    high: { en: 'deal seekers', zh: '偏好折扣', es: 'buscan ofertas' },
    low: { en: 'full price', zh: '原价购买', es: 'precio completo' },
    veryLow: { en: 'always full price', zh: '总是原价购买', es: 'siempre a precio completo' },
  },
  refundRate: {
    veryHigh: { en: 'very many refunds', zh: '退款极多', es: 'muchísimas devoluciones' },
    high: { en: 'many refunds', zh: '退款多', es: 'muchas devoluciones' },
    low: { en: 'few refunds', zh: '退款少', es: 'pocas devoluciones' },
    veryLow: { en: 'very few refunds', zh: '退款极少', es: 'poquísimas devoluciones' },
  },
};

const TYPICAL: Phrase = { en: 'typical', zh: '普通', es: 'típico' };
/** How far from the population mean, in standard deviations, a centroid must lie to be named for a field, and to be "very". */
const NOTABLE = 0.5;
const VERY = 1.5;

function phrase(field: string, z: number): Phrase {
  const strength = z >= VERY ? 'veryHigh' : z > 0 ? 'high' : z <= -VERY ? 'veryLow' : 'low';
  if (Object.hasOwn(FIELD_WORDS, field)) return (FIELD_WORDS[field] as Words)[strength];
  const high = z > 0;
  const very = Math.abs(z) >= VERY;
  return {
    en: `${very ? 'very ' : ''}${high ? 'high' : 'low'} ${field}`,
    zh: `${field}${very ? '极' : ''}${high ? '高' : '低'}`,
    es: `${field} ${very ? 'muy ' : ''}${high ? 'alto' : 'bajo'}`,
  };
}

/**
 * Each cluster's name from how its centroid differs from the population: the (up to three)
 * fields on which it lies at least half a standard deviation from the mean, strongest first, in
 * plain words per language ("very recent, frequent, high spend"; "very" from 1.5 standard
 * deviations); "typical" when none does. Names are unique: a name two clusters would share gets
 * a number ("typical (2)").
 *
 * @param standardized - Per cluster, the centroid in standard deviations from the population mean, per field.
 */
export function nameClusters(fields: readonly string[], standardized: readonly (readonly number[])[]): Phrase[] {
  const names = standardized.map((centroid): Phrase => {
    const notable = fields
      .map((field, index) => ({ field, z: centroid[index] as number }))
      .filter(({ z }) => Math.abs(z) >= NOTABLE)
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
      .slice(0, 3)
      .map(({ field, z }) => phrase(field, z));
    if (notable.length === 0) return TYPICAL;
    return { en: notable.map((words) => words.en).join(', '), zh: notable.map((words) => words.zh).join('，'), es: notable.map((words) => words.es).join(', ') };
  });
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name.en) ?? 0) + 1;
    seen.set(name.en, count);
    return count === 1 ? name : { en: `${name.en} (${count})`, zh: `${name.zh}（${count}）`, es: `${name.es} (${count})` };
  });
}

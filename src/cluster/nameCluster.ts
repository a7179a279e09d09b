import type { RfmLanguage } from '../scores/rfm/rfmSegments';

type Words = Readonly<Record<'high' | 'low', Readonly<Record<RfmLanguage, string>>>>;

/** How a cluster that stands out on a field is described, per field and direction. */
const FIELD_WORDS: Readonly<Record<string, Words>> = {
  monetaryTotal: { high: { en: 'high spend', zh: '高消费', es: 'gasto alto' }, low: { en: 'low spend', zh: '低消费', es: 'gasto bajo' } },
  orders: { high: { en: 'frequent', zh: '高频购买', es: 'frecuente' }, low: { en: 'infrequent', zh: '低频购买', es: 'poco frecuente' } },
  purchaseDays: { high: { en: 'frequent', zh: '高频购买', es: 'frecuente' }, low: { en: 'infrequent', zh: '低频购买', es: 'poco frecuente' } },
  daysSinceLastPurchase: { high: { en: 'lapsed', zh: '久未购买', es: 'inactivo' }, low: { en: 'recent', zh: '近期活跃', es: 'reciente' } },
  averageOrderValue: { high: { en: 'big baskets', zh: '客单价高', es: 'pedidos grandes' }, low: { en: 'small baskets', zh: '客单价低', es: 'pedidos pequeños' } },
  daysSinceFirstPurchase: { high: { en: 'long-standing', zh: '老客户', es: 'antiguo' }, low: { en: 'new', zh: '新客户', es: 'nuevo' } },
  discountedOrderShare: { high: { en: 'deal seekers', zh: '偏好折扣', es: 'buscan ofertas' }, low: { en: 'full price', zh: '原价购买', es: 'precio completo' } },
  refundRate: { high: { en: 'many refunds', zh: '退款多', es: 'muchas devoluciones' }, low: { en: 'few refunds', zh: '退款少', es: 'pocas devoluciones' } },
};

const TYPICAL: Readonly<Record<RfmLanguage, string>> = { en: 'typical', zh: '普通', es: 'típico' };

/**
 * A cluster's name from how it differs from the population: the (up to three) fields whose
 * centroid lies at least half a standard deviation from the population mean, strongest first,
 * in plain words per language ("high spend, frequent, recent"); "typical" when none does.
 */
export function nameCluster(fields: readonly string[], standardized: readonly number[]): Readonly<Record<RfmLanguage, string>> {
  const notable = fields
    .map((field, index) => ({ field, z: standardized[index] as number }))
    .filter(({ z }) => Math.abs(z) >= 0.5)
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
    .slice(0, 3);
  if (notable.length === 0) return TYPICAL;
  const words = (language: RfmLanguage): string[] =>
    notable.map(({ field, z }) => {
      const known = Object.hasOwn(FIELD_WORDS, field) ? FIELD_WORDS[field] : undefined;
      const direction = z > 0 ? 'high' : 'low';
      if (known !== undefined) return known[direction][language];
      return { en: `${direction} ${field}`, zh: `${field}${direction === 'high' ? '高' : '低'}`, es: `${field} ${direction === 'high' ? 'alto' : 'bajo'}` }[language];
    });
  return { en: words('en').join(', '), zh: words('zh').join('，'), es: words('es').join(', ') };
}

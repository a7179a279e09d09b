import { deepFreeze } from '../../internal/deepFreeze';

/** A language of the built-in labels and actions. */
export type RfmLanguage = 'en' | 'zh' | 'es';

/** An inclusive range of a score on the 1-5 scale. */
export type ScoreRange = readonly [min: number, max: number];

/**
 * One named RFM segment: the ranges of the recency score `r` and of `fm`, the mean of the
 * frequency and monetary scores, both on the 1-5 scale, with labels and a recommended action
 * per language. Segments are tried in order; the first whose ranges hold wins.
 */
export interface RfmSegmentDefinition {
  readonly id: string;
  readonly r: ScoreRange;
  readonly fm: ScoreRange;
  readonly label: Readonly<Record<RfmLanguage, string>>;
  readonly action: Readonly<Record<RfmLanguage, string>>;
}

/**
 * The widely used map of 11 RFM segments, as data. Ranges are on the 1-5 scale of `r` and of
 * `fm = (f + m) / 2` (which moves in half steps); segments are tried in this order and the
 * first whose ranges hold wins, so every (r, fm) pair gets exactly one segment (a test walks
 * the whole grid). With another number of bins, scores are rescaled to 1-5 before matching.
 *
 * The names, actions and rough ranges follow the table popularised by Putler ("RFM analysis
 * for successful customer segmentation") and echoed by Shopify's customer RFM groups. That
 * table's ranges overlap and leave cells ambiguous (New Customers r 4-5 and Promising r 3-4 both
 * claim r = 4 with the lowest fm; Lost and Hibernating share r 1-2, fm 1-2), so the ranges here
 * are narrowed to partition the grid while keeping each segment's meaning: recent and valuable
 * (Champions, Loyal), recent but light (New Customers, Promising, Potential Loyalist), lapsing
 * (Need Attention, About to Sleep), valuable but gone (At Risk, Can't Lose Them), light and gone
 * (Hibernating, Lost). Hosts pass their own list to `fitRfm` to change it.
 *
 * @example
 * ```ts
 * import { RFM_SEGMENTS } from 'clientele';
 * RFM_SEGMENTS.length; // => 11
 * RFM_SEGMENTS[0]?.label.es; // => 'Campeones'
 * ```
 * @category RFM
 */
export const RFM_SEGMENTS: readonly RfmSegmentDefinition[] = /* @__PURE__ */ deepFreeze([
  {
    id: 'champions',
    r: [4, 5],
    fm: [4, 5],
    label: { en: 'Champions', zh: '冠军客户', es: 'Campeones' },
    action: {
      en: 'Reward them, ask for reviews and referrals, offer early access',
      zh: '给予奖励，邀请评价和推荐，提供新品抢先体验',
      es: 'Recompénsalos, pide reseñas y referidos, ofrece acceso anticipado',
    },
  },
  {
    id: 'cant_lose_them',
    r: [1, 1],
    fm: [4, 5],
    label: { en: "Can't Lose Them", zh: '不能失去的客户', es: 'No podemos perderlos' },
    action: {
      en: 'Win them back with a personal call or a strong personalised offer',
      zh: '通过专人联系或力度较大的个性化优惠赢回',
      es: 'Recupéralos con una llamada personal o una oferta personalizada fuerte',
    },
  },
  {
    id: 'at_risk',
    r: [1, 2],
    fm: [3, 5],
    label: { en: 'At Risk', zh: '有流失风险', es: 'En riesgo' },
    action: {
      en: 'Reconnect with personalised emails and offers based on past purchases',
      zh: '根据历史购买发送个性化邮件和优惠，重新建立联系',
      es: 'Reconecta con correos y ofertas personalizadas según sus compras',
    },
  },
  {
    id: 'loyal',
    r: [2, 5],
    fm: [3, 5],
    label: { en: 'Loyal', zh: '忠诚客户', es: 'Leales' },
    action: {
      en: 'Upsell higher-value products, invite to a loyalty programme',
      zh: '推荐更高价值的商品，邀请加入会员计划',
      es: 'Ofrece productos de mayor valor, invita al programa de fidelidad',
    },
  },
  {
    id: 'new_customers',
    r: [5, 5],
    fm: [1, 1.5],
    label: { en: 'New Customers', zh: '新客户', es: 'Clientes nuevos' },
    action: {
      en: 'Onboard them well: welcome series, help with the first weeks',
      zh: '做好新客引导：欢迎邮件系列，帮助度过最初几周',
      es: 'Dales una buena bienvenida: serie de bienvenida y ayuda inicial',
    },
  },
  {
    id: 'promising',
    r: [4, 4],
    fm: [1, 1.5],
    label: { en: 'Promising', zh: '有潜力的新客', es: 'Prometedores' },
    action: {
      en: 'Build awareness, offer a reason for the second purchase',
      zh: '提升品牌认知，给出第二次购买的理由',
      es: 'Genera interés y dales un motivo para la segunda compra',
    },
  },
  {
    id: 'potential_loyalist',
    r: [3, 5],
    fm: [1, 3],
    label: { en: 'Potential Loyalist', zh: '潜在忠诚客户', es: 'Leales potenciales' },
    action: {
      en: 'Offer membership or recommendations to raise frequency',
      zh: '提供会员或个性化推荐，提高购买频次',
      es: 'Ofrece membresía o recomendaciones para aumentar la frecuencia',
    },
  },
  {
    id: 'need_attention',
    r: [2, 2],
    fm: [2.5, 3],
    label: { en: 'Need Attention', zh: '需要关注', es: 'Necesitan atención' },
    action: {
      en: 'Make limited-time offers based on their history before they slip',
      zh: '在流失前根据历史偏好推出限时优惠',
      es: 'Haz ofertas por tiempo limitado según su historial antes de que se alejen',
    },
  },
  {
    id: 'about_to_sleep',
    r: [2, 2],
    fm: [1.5, 2],
    label: { en: 'About to Sleep', zh: '即将沉睡', es: 'A punto de dormirse' },
    action: {
      en: 'Share popular products and discounts to reconnect',
      zh: '推送热门商品和折扣，重新建立联系',
      es: 'Comparte productos populares y descuentos para reconectar',
    },
  },
  {
    id: 'hibernating',
    r: [1, 2],
    fm: [1.5, 2.5],
    label: { en: 'Hibernating', zh: '沉睡客户', es: 'Hibernando' },
    action: {
      en: 'Offer other relevant products and special discounts, then let them be',
      zh: '推荐其他相关商品和特别折扣，之后减少打扰',
      es: 'Ofrece otros productos relevantes y descuentos especiales, sin insistir',
    },
  },
  {
    id: 'lost',
    r: [1, 2],
    fm: [1, 2.5],
    label: { en: 'Lost', zh: '已流失', es: 'Perdidos' },
    action: {
      en: 'Try one reactivation campaign, otherwise stop spending on them',
      zh: '尝试一次唤醒活动，否则停止投入',
      es: 'Intenta una campaña de reactivación; si no responde, deja de invertir',
    },
  },
]);

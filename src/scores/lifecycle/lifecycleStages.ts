import { deepFreeze } from '../../internal/deepFreeze';
import type { RfmLanguage } from '../rfm/rfmSegments';

/** The lifecycle stages, in the order their rules are tried (see `classifyLifecycle`). */
export type LifecycleStage = 'prospect' | 'churned' | 'at_risk' | 'reactivated' | 'new' | 'declining' | 'growing' | 'mature' | 'active';

/** One stage with its labels, what it means, and what a CRM team usually does about it. */
export interface LifecycleStageDefinition {
  readonly id: LifecycleStage;
  readonly label: Readonly<Record<RfmLanguage, string>>;
  readonly action: Readonly<Record<RfmLanguage, string>>;
}

/**
 * The nine lifecycle stages, in the order their rules are tried: a customer gets the first
 * stage whose rule holds, so every customer gets exactly one. Labels and a recommended action
 * in English, Simplified Chinese and Spanish.
 *
 * @example
 * ```ts
 * import { LIFECYCLE_STAGES } from 'clientele';
 * LIFECYCLE_STAGES.map((stage) => stage.id).join(' > '); // => 'prospect > churned > at_risk > reactivated > new > declining > growing > mature > active'
 * LIFECYCLE_STAGES[2]?.label.zh; // => '有流失风险'
 * ```
 * @category Lifecycle
 */
export const LIFECYCLE_STAGES: readonly LifecycleStageDefinition[] = /* @__PURE__ */ deepFreeze([
  {
    id: 'prospect',
    label: { en: 'Prospect', zh: '潜在客户', es: 'Cliente potencial' },
    action: { en: 'Convert: a first-purchase offer', zh: '促成首单：提供首购优惠', es: 'Convertir: oferta de primera compra' },
  },
  {
    id: 'churned',
    label: { en: 'Churned', zh: '已流失', es: 'Perdido' },
    action: { en: 'Win back with a personalised offer, or stop spending on them', zh: '用个性化优惠挽回，或停止投入', es: 'Recuperar con una oferta personalizada, o dejar de invertir' },
  },
  {
    id: 'at_risk',
    label: { en: 'At risk', zh: '有流失风险', es: 'En riesgo' },
    action: { en: 'Reach out now: a reminder, a reason to come back', zh: '立即触达：提醒并给出回购理由', es: 'Contactar ya: un recordatorio y un motivo para volver' },
  },
  {
    id: 'reactivated',
    label: { en: 'Reactivated', zh: '已回流', es: 'Reactivado' },
    action: { en: 'Welcome back; make the second visit easy', zh: '欢迎回归，让下一次购买更容易', es: 'Darle la bienvenida; facilitar la siguiente compra' },
  },
  {
    id: 'new',
    label: { en: 'New', zh: '新客户', es: 'Nuevo' },
    action: { en: 'Onboard: guide them to the second purchase', zh: '新客引导：促成第二次购买', es: 'Acompañar hasta la segunda compra' },
  },
  {
    id: 'declining',
    label: { en: 'Declining', zh: '衰退中', es: 'En declive' },
    action: { en: 'Find out why; re-engage before they lapse', zh: '了解原因，在流失前重新激活', es: 'Averiguar por qué; reactivar antes de que se vaya' },
  },
  {
    id: 'growing',
    label: { en: 'Growing', zh: '成长中', es: 'En crecimiento' },
    action: { en: 'Cross-sell and upsell; recommend the next category', zh: '交叉销售与升级推荐，推荐下一个品类', es: 'Venta cruzada y de mayor valor; recomendar la siguiente categoría' },
  },
  {
    id: 'mature',
    label: { en: 'Mature', zh: '成熟', es: 'Maduro' },
    action: { en: 'Keep them: loyalty rewards, service, early access', zh: '维护关系：忠诚度奖励、优质服务、抢先体验', es: 'Fidelizar: recompensas, servicio, acceso anticipado' },
  },
  {
    id: 'active',
    label: { en: 'Active', zh: '活跃', es: 'Activo' },
    action: { en: 'Keep the rhythm: timely, relevant messages', zh: '保持节奏：及时、相关的沟通', es: 'Mantener el ritmo: mensajes oportunos y relevantes' },
  },
]);

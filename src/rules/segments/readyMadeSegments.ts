import { LIFECYCLE_STAGES } from '../../scores/lifecycle/lifecycleStages';
import { RFM_SEGMENTS } from '../../scores/rfm/rfmSegments';
import type { SegmentInput } from './defineSegments';

/**
 * The 11 RFM segments as segment definitions in the rule language (`rfm.segment = "champions"`,
 * ...), named by their English labels, with their recommended actions as descriptions: give them
 * to `defineSegments`, edit them, or add your own.
 *
 * @example
 * ```ts
 * import { RFM_SEGMENT_RULES } from 'clientele';
 * RFM_SEGMENT_RULES[0]; // => { name: 'Champions', rule: 'rfm.segment = "champions"', description: 'Reward them, ask for reviews and referrals, offer early access' }
 * ```
 * @category Rules
 */
export const RFM_SEGMENT_RULES: readonly SegmentInput[] = /* @__PURE__ */ Object.freeze(
  RFM_SEGMENTS.map((segment) => Object.freeze({ name: segment.label.en, rule: `rfm.segment = ${JSON.stringify(segment.id)}`, description: segment.action.en })),
);

/**
 * The nine lifecycle stages as segment definitions (`lifecycle.stage = "at_risk"`, ...), named by
 * their English labels, with their recommended actions.
 *
 * @example
 * ```ts
 * import { LIFECYCLE_SEGMENT_RULES } from 'clientele';
 * LIFECYCLE_SEGMENT_RULES.map((segment) => segment.name).slice(0, 3); // => ['Prospect', 'Churned', 'At risk']
 * ```
 * @category Rules
 */
export const LIFECYCLE_SEGMENT_RULES: readonly SegmentInput[] = /* @__PURE__ */ Object.freeze(
  LIFECYCLE_STAGES.map((stage) => Object.freeze({ name: stage.label.en, rule: `lifecycle.stage = ${JSON.stringify(stage.id)}`, description: stage.action.en })),
);

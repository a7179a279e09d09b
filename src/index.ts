/**
 * clientele: customer segmentation for TypeScript. The host hands over customers,
 * transactions and interactions; clientele validates them, summarises each customer and scores
 * them. Pure functions, no I/O: "now" is always an explicit `asOf`.
 *
 * @module clientele
 */
export {
  ClienteleError,
  ConfigurationError,
  ModelError,
  RuleError,
  RuleSyntaxError,
  ValidationError,
  type ConfigurationErrorCode,
  type ErrorCode,
  type ModelErrorCode,
  type RuleErrorCode,
  type RuleIssue,
  type RuleSyntaxErrorCode,
  type PathSegment,
  type RowIssue,
  type ValidationErrorCode,
} from './errors';

export type { InstantInput } from './model/parseInstant';
export type { BatchParseOptions, ParseResult } from './model/parseRows';
export {
  createTransactionSchema,
  TRANSACTION_FIELDS,
  TRANSACTION_STATUSES,
  transactionSchema,
  type Transaction,
  type TransactionInput,
  type TransactionStatus,
} from './model/transactionSchema';
export {
  CONSENT_CHANNELS,
  createCustomerSchema,
  CUSTOMER_FIELDS,
  customerSchema,
  type AttributeValue,
  type ConsentChannel,
  type Customer,
  type CustomerInput,
} from './model/customerSchema';
export {
  createInteractionSchema,
  INTERACTION_FIELDS,
  interactionSchema,
  KNOWN_INTERACTION_KINDS,
  type Interaction,
  type InteractionInput,
  type InteractionKind,
} from './model/interactionSchema';
export { parseTransactions, type ParseTransactionsOptions } from './model/parseTransactions';
export { parseCustomers } from './model/parseCustomers';
export { parseInteractions } from './model/parseInteractions';

export type { CustomerFeatures, TimeUnit } from './features/CustomerFeatures';
export { FEATURE_CATALOGUE, type FeatureInfo, type FeatureType, type NumericFeature } from './features/featureCatalogue';
export { summarize, type SummarizeInputOptions } from './features/summarize';
export type { FeatureName, SelectedFeatures } from './features/featureSelection';
export { createSummarizer, type FieldsOption, type SummarizeOptions, type Summarizer } from './features/createSummarizer';
export {
  splitCalibrationHoldout,
  type CalibrationHoldoutFeatures,
  type SplitCalibrationHoldoutOptions,
} from './features/splitCalibrationHoldout';

export type { RfmDimension, RfmDimensionModel, RfmModel, RfmScore } from './scores/rfm/RfmModel';
export { RFM_SEGMENTS, type RfmLanguage, type RfmSegmentDefinition, type ScoreRange } from './scores/rfm/rfmSegments';
export { fitRfm, type FitRfmOptions } from './scores/rfm/fitRfm';
export { scoreRfm } from './scores/rfm/scoreRfm';
export { rfm, type RfmOptions, type RfmResult } from './scores/rfm/rfm';
export { readRfmModel, rfmModelSchema } from './scores/rfm/readRfmModel';
export {
  readValueTierModel,
  scoreValueTier,
  VALUE_TIERS,
  valueTierModelSchema,
  valueTiers,
  type ValueTier,
  type ValueTierModel,
  type ValueTierOptions,
  type ValueTierResult,
  type ValueTierSummary,
} from './scores/value/valueTiers';
export { buyerTypes, classifyBuyerType, type BuyerType, type BuyerTypeFeatures, type BuyerTypeOptions } from './scores/value/classifyBuyerType';
export { LIFECYCLE_STAGES, type LifecycleStage, type LifecycleStageDefinition } from './scores/lifecycle/lifecycleStages';
export type { IntervalSource, LifecycleClassification, LifecycleModel, LifecycleReason, LifecycleThresholds } from './scores/lifecycle/LifecycleModel';
export { DEFAULT_LIFECYCLE_THRESHOLDS } from './scores/lifecycle/lifecycleThresholds';
export type { LifecycleCustomer } from './scores/lifecycle/createLifecycleClassifier';
export { fitLifecycle, type LifecycleOptions } from './scores/lifecycle/fitLifecycle';
export { classifyLifecycle, type LifecycleResult } from './scores/lifecycle/classifyLifecycle';
export { classifyLifecycleStage } from './scores/lifecycle/classifyLifecycleStage';
export { readLifecycleModel } from './scores/lifecycle/readLifecycleModel';
export { describeLifecycleReason, type LifecycleReasonFacts } from './scores/lifecycle/describeLifecycleReason';
export { lifecycleTransitions, type LifecycleTransitions, type StageSnapshot } from './scores/lifecycle/lifecycleTransitions';
export { lifecycleHistory, type LifecycleHistoryOptions, type LifecycleHistoryPoint } from './scores/lifecycle/lifecycleHistory';
export type {
  BetaGeometricParameters,
  BgNbdModel,
  FitOptions,
  FitSummary,
  FittedModel,
  GammaGammaModel,
  GammaGammaParameters,
  ModifiedBgNbdModel,
  ParetoNbdModel,
  ParetoNbdParameters,
  TransactionModel,
} from './clv/ClvModel';
export type { BtydCustomer, SpendCustomer } from './clv/BtydCustomer';
export { DAYS_PER_AVERAGE_MONTH, type Duration } from './clv/Duration';
export { fitBgNbd } from './clv/bgNbd/fitBgNbd';
export { fitModifiedBgNbd } from './clv/modifiedBgNbd/fitModifiedBgNbd';
export { fitParetoNbd } from './clv/paretoNbd/fitParetoNbd';
export { fitGammaGamma } from './clv/gammaGamma/fitGammaGamma';
export { expectedPurchases } from './clv/expectedPurchases';
export { conditionalExpectedPurchases } from './clv/conditionalExpectedPurchases';
export { probabilityAlive } from './clv/probabilityAlive';
export { churnProbability } from './clv/churnProbability';
export { probabilityOfPurchases } from './clv/probabilityOfPurchases';
export { predictNextPurchase, type NextPurchase } from './clv/predictNextPurchase';
export { predictCustomers, type CustomerPrediction, type PredictableCustomer } from './clv/predictCustomers';
export { expectedAverageValue } from './clv/expectedAverageValue';
export {
  customerLifetimeValue,
  type CustomerLifetimeValue,
  type CustomerLifetimeValueOptions,
  type CustomerLifetimeValueResult,
  type LifetimeValueCustomer,
} from './clv/customerLifetimeValue';
export { evaluateHoldout, type HoldoutByFrequency, type HoldoutCustomer, type HoldoutEvaluation } from './clv/evaluateHoldout';
export { repeatPurchaseCurve, type RepeatPurchaseCurveOptions, type RepeatPurchaseCurvePoint } from './clv/repeatPurchaseCurve';
export { clvModelSchemas, readClvModel, type ClvModel } from './clv/readClvModel';
export { RULE_LIMITS, ruleNodeSchema, ruleSchema, type ComparisonKind, type NodeKind, type NodeOfKind, type EventSource, type EventsNode, type Rule, type RuleDuration, type RuleLiteral, type RuleNode, type TextKind } from './rules/ast';
export { RULE_FIELDS, type RuleFieldInfo, type RuleFieldType } from './rules/ruleFields';
export { canonicalRule } from './rules/canonicalRule';
export { validateRule, type RuleValidation } from './rules/validateRule';
export {
  and,
  between,
  contains,
  endsWith,
  eq,
  exists,
  gt,
  gte,
  has,
  hasAll,
  hasAny,
  isIn,
  isNull,
  lt,
  lte,
  moreThanAgo,
  ne,
  not,
  notIn,
  or,
  startsWith,
  within,
  type AttributeRuleField,
  type BooleanRuleField,
  type EnumRuleFields,
  type EqualityRuleField,
  type InstantRuleField,
  type NumberRuleField,
  type OrderedRuleField,
  type RuleDurationInput,
  type RuleFieldName,
  type RuleValueOf,
  type SetRuleField,
  type StringRuleField,
  type TextRuleField,
} from './rules/builder/ruleBuilder';
export { parseRule } from './rules/parse/parseRule';
export { printRule } from './rules/print/printRule';
export type { CompileRuleOptions } from './rules/evaluate/compileConditions';
export { compileRule, type RulePredicate } from './rules/evaluate/compileRule';
export { indexEvents, type EventIndex } from './rules/evaluate/indexEvents';
export { toSql, type SqlColumn, type SqlEventTables, type SqlFragment, type ToSqlOptions } from './rules/sql/toSql';
export { SQL_DIALECTS, type SqlDialect, type SqlDialectName } from './rules/sql/sqlDialects';
export { featuresSql, type FeaturesSqlOptions, type TransactionsTable } from './rules/sql/featuresSql';
export { segmentsSql, type SegmentsSqlOptions, type SegmentsSqlResult } from './rules/sql/segmentsSql';
export { rfmSql, type RfmSqlOptions, type RfmSqlResult } from './rules/sql/rfmSql';
export { explainRule, type RuleExplanation, type RuleOutcome } from './rules/evaluate/explainRule';
export { defineSegments, type SegmentDefinition, type SegmentInput, type SegmentSet } from './rules/segments/defineSegments';
export { assignSegments, type SegmentMembership } from './rules/segments/assignSegments';
export { diffMemberships, type MembershipEvent } from './rules/segments/diffMemberships';
export { audience } from './rules/segments/audience';
export { LIFECYCLE_SEGMENT_RULES, RFM_SEGMENT_RULES } from './rules/segments/readyMadeSegments';
export { profileSegments, type FeatureStatistics, type SegmentProfile } from './report/profileSegments';
export { migrationMatrix, type MigrationMatrix, type MigrationMatrixOptions } from './report/migrationMatrix';
export { cohortRetention, type CohortCell, type CohortPeriod, type CohortRetention, type CohortRetentionOptions, type CohortRow } from './report/cohortRetention';
export { retentionBySegment, type RetentionBySegmentOptions, type RetentionBySegmentResult, type SegmentRetention } from './report/retentionBySegment';
export { categoryAffinity, type AffinityCustomer, type CategoryAffinity, type CategoryAffinityLine, type SegmentAffinity } from './report/categoryAffinity';
export { suggestNextCategory, type CategorySuggestion, type CategorySuggestionReason, type SuggestNextCategoryOptions } from './report/suggestNextCategory';
export { displayWidth, formatTable, type FormatTableOptions, type TextColumn } from './report/formatTable';
export { formatReport, type FormatReportOptions, type ReportSection } from './report/formatReport';
export { campaignResponse, DEFAULT_RESPONSE_KINDS, type CampaignResponse, type CampaignResponseLine, type CampaignResponseOptions, type CampaignSegmentResponse } from './report/campaignResponse';

/**
 * The conversation agent: Maya's model loop with tools, phases and emotions,
 * guarded at every edge. The web server, the terminal chat and the MCP server
 * all use this surface.
 */

/** The ports the agent is built on, for callers that compose it (the MCP server). */
export type { PaymentGateway } from "../payments/index.ts";
export type { SessionStore } from "../state/index.ts";
export { createAgent } from "./agent.ts";
export { isExplicitConfirmation } from "./confirmation.ts";
export { EMOTIONS, type Emotion, emotionTag, isEmotion, parseEmotionTag } from "./emotion.ts";
export { countingMetrics, type MetricsHook, noMetrics } from "./metrics.ts";
export { storeMockRecords } from "./mock-records.ts";
export {
  createModelFromSpec,
  type ModelChoice,
  ModelConfigError,
  type ModelKeys,
  originLockedFetch,
} from "./models/registry.ts";
export { createRulesModel } from "./models/rules/rules-model.ts";
export {
  createPaymentFlow,
  PAYMENT_SESSION_RECORDS,
  type PaymentFlow,
  type PaymentFlowDeps,
  type PayResult,
  type StatusResult,
} from "./payment-flow.ts";
export {
  advancePhase,
  INITIAL_PHASE,
  PHASES,
  type Phase,
  type PhaseState,
  SMALL_TALK_BEFORE_REORDER,
} from "./phases.ts";
export { buildSystemPrompt, createCanary } from "./prompt.ts";
export {
  classifyProviderError,
  PROVIDER_ERROR_EVENTS,
  PROVIDER_ERROR_REPLIES,
  type ProviderErrorClass,
} from "./provider-errors.ts";
export { inLockedSession } from "./session-scope.ts";
export { type BarToolDeps, createBarTools } from "./tools/bar-tools.ts";
export { TOOL, type ToolFailure, type ToolName } from "./tools/contract.ts";
export type {
  ActionResult,
  Agent,
  AgentDeps,
  AgentSettings,
  PublicState,
  TurnEvent,
  TurnOptions,
  TurnResult,
} from "./types.ts";

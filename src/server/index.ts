/**
 * Maya's web server: a hardened Fastify app (JSON API with SSE streaming,
 * session cookies, CSRF and rate limits, security headers, metrics) that also
 * serves the chat page in `src/web`.
 */
export { type AppOptions, buildApp } from "./app.ts";
export { isLoopbackAddress } from "./host-check.ts";
export { agentMetricsHook, createMetrics, type Metrics } from "./metrics.ts";
export type {
  ChatAgent,
  CheckoutPage,
  Emotion,
  McpEndpoint,
  McpEndpointFactory,
  McpEndpointShared,
  MockCheckout,
  PaymentStatusView,
  PayResult,
  PublicState,
  Readiness,
  ServerRuntime,
  SessionDirectory,
  SharedRateLimiter,
  TipResult,
  TurnEvent,
  TurnResult,
  WebhookHandler,
} from "./ports.ts";
export {
  createRateLimits,
  type LimitDecision,
  type LimitName,
  type RateLimitOptions,
  type RateLimitSettings,
  type RateLimits,
} from "./rate-limits.ts";
export { type MayaRuntime, serverRuntimeFrom, storeSessionDirectory } from "./runtime-adapter.ts";
export { SESSION_COOKIE, sessionKeyOf } from "./session.ts";
export {
  DEFAULT_SETTINGS,
  messageTooLong,
  type ServerSettings,
  settingsFromEnv,
} from "./settings.ts";

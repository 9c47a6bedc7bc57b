import {
  createBarTools,
  createPaymentFlow,
  inLockedSession,
  type MetricsHook,
  noMetrics,
  type PaymentGateway,
  type SessionStore,
} from "../agent/index.ts";
import type { Logger } from "../config/index.ts";
import type { Guard } from "../guard/index.ts";
import { createMcpBarTools } from "./bar-tools.ts";
import type { McpDeps } from "./deps.ts";

/** The parts of Maya's runtime (`createRuntimeFromEnv`) the MCP server uses. */
export interface McpRuntimeParts {
  store: SessionStore;
  /** The payment gateway (with its resilience layer) the agent uses too. */
  payments: PaymentGateway;
  guard: Guard;
  logger: Logger;
  onEvent?: MetricsHook;
}

/**
 * Builds the MCP server's dependencies from the runtime: the agent's bar
 * toolset over the same store, payments and guard, and the session context.
 * A tool call holds its session's lock, as a chat turn does, so MCP calls and
 * turns of one session never interleave.
 */
export function createMcpDeps(parts: McpRuntimeParts): McpDeps {
  const { store, guard, logger } = parts;
  const onEvent = parts.onEvent ?? noMetrics;
  const payments = createPaymentFlow({ store, gateway: parts.payments, guard, logger, onEvent });
  const tools = createBarTools({ store, payments, logger, onEvent });
  const bar = createMcpBarTools({
    tools,
    guard,
    logger,
    runInSession: inLockedSession,
  });
  return { guard, bar, logger };
}

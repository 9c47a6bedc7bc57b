import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** Maya's Prometheus metrics; one registry per app so tests can run several. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "maya_" });
  const registers = [registry];
  return {
    registry,
    turns: new Counter({
      name: "maya_chat_turns_total",
      help: "Chat turns answered over HTTP, by outcome (ok, guarded, timeout, abandoned, error) and mode (json, stream).",
      labelNames: ["outcome", "mode"] as const,
      registers,
    }),
    blockedInputs: new Counter({
      name: "maya_blocked_inputs_total",
      help: "Guest messages blocked by the input scanner, by scanner.",
      labelNames: ["scanner"] as const,
      registers,
    }),
    replacedOutputs: new Counter({
      name: "maya_replaced_outputs_total",
      help: "Replies replaced with the safe fallback by the output scanner, by scanner.",
      labelNames: ["scanner"] as const,
      registers,
    }),
    agentEvents: new Counter({
      name: "maya_agent_events_total",
      help: "Other events the agent reports (provider errors, blocked tool results, ...), by name.",
      labelNames: ["event", "detail"] as const,
      registers,
    }),
    rateLimited: new Counter({
      name: "maya_rate_limited_total",
      help: "Requests refused with 429, by limit (address, session, new_session).",
      labelNames: ["limit"] as const,
      registers,
    }),
    rejected: new Counter({
      name: "maya_rejected_requests_total",
      help: "Requests refused before any work: unknown Host (host), cross-origin (csrf), wrong media type, overloaded.",
      labelNames: ["reason"] as const,
      registers,
    }),
    payments: new Counter({
      name: "maya_payment_outcomes_total",
      help: "Payment outcomes: links created (real or simulated), failures, completions, webhook answers.",
      labelNames: ["outcome"] as const,
      registers,
    }),
    mcpEvents: new Counter({
      name: "maya_mcp_events_total",
      help: "MCP over HTTP at /mcp: sessions opened and closed, refused origins and tokens, rate limits.",
      labelNames: ["event"] as const,
      registers,
    }),
    turnSeconds: new Histogram({
      name: "maya_chat_turn_duration_seconds",
      help: "Time to answer a chat turn, start to final result.",
      labelNames: ["mode"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    requestSeconds: new Histogram({
      name: "maya_http_request_duration_seconds",
      help: "HTTP request latency by route and status code.",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * The agent's metrics hook (`onEvent`), counted into this registry. Give it to
 * the runtime before the agent is built so its events land in `/metrics`.
 */
export function agentMetricsHook(metrics: Metrics) {
  return (name: string, labels: Record<string, string>): void => {
    switch (name) {
      case "agent_input_blocked":
        metrics.blockedInputs.inc({ scanner: labels.scanner ?? "unknown" });
        return;
      case "agent_output_replaced":
        metrics.replacedOutputs.inc({ scanner: labels.scanner ?? "unknown" });
        return;
      case "agent_payment_link_created":
        metrics.payments.inc({
          outcome: labels.simulated === "true" ? "link_simulated" : "link_created",
        });
        return;
      case "agent_payment_failed":
        metrics.payments.inc({ outcome: "link_failed" });
        return;
      case "agent_payment_completed":
        metrics.payments.inc({ outcome: "completed" });
        return;
      case "payment_outcomes":
        metrics.payments.inc({ outcome: labels.type ?? "unknown" });
        return;
      case "agent_turns":
        return; // counted per HTTP turn in routes/chat.ts
      default:
        metrics.agentEvents.inc({
          event: name,
          detail: Object.values(labels).join(",").slice(0, 60),
        });
    }
  };
}

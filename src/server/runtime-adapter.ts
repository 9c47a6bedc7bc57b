import type { Agent } from "../agent/index.ts";
import type { SessionStore } from "../state/index.ts";
import type {
  ChatAgent,
  CheckoutPage,
  PaymentStatus,
  PublicState,
  ServerRuntime,
  SessionDirectory,
  TurnEvent,
} from "./ports.ts";

/**
 * The runtime `src/commands/runtime.ts` builds (agent, store, payments, mock
 * checkout, webhook), as far as the web server needs it. Declared here by
 * shape so that `server` depends on `agent` and `state` only.
 */
export interface MayaRuntime {
  agent: Agent;
  store: SessionStore;
  payments: { probe(): Promise<{ available: boolean; reason?: string }> };
  config: { MAYA_STORE: string };
  mockCheckoutPage(id: string): Promise<CheckoutPage>;
  completeMockPayment(id: string): Promise<CheckoutPage>;
  handleWebhook(
    rawBody: Buffer,
    signature: string | undefined,
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** How long a cookie id stays valid without use; refreshed while the guest is around. */
const COOKIE_RECORD_TTL_MS = 24 * 3_600_000;
const COOKIE_RECORD_REFRESH_MS = 3_600_000;
const COOKIE_NAMESPACE = "web-cookie";

interface CookieRecord {
  [key: string]: string | number;
  session: string;
  at: number;
}

/** Cookie hash → session key, kept in the session store (shared by all instances on Redis). */
export function storeSessionDirectory(store: SessionStore, now = Date.now): SessionDirectory {
  return {
    async lookup(cookieHash) {
      const record = await store.getRecord<CookieRecord>(COOKIE_NAMESPACE, cookieHash);
      if (record === null || typeof record.session !== "string") return undefined;
      if (now() - record.at > COOKIE_RECORD_REFRESH_MS) {
        await store.putRecord(
          COOKIE_NAMESPACE,
          cookieHash,
          { session: record.session, at: now() },
          { ttlMs: COOKIE_RECORD_TTL_MS },
        );
      }
      return record.session;
    },
    async register(cookieHash, sessionKey) {
      await store.putRecord(
        COOKIE_NAMESPACE,
        cookieHash,
        { session: sessionKey, at: now() },
        { ttlMs: COOKIE_RECORD_TTL_MS },
      );
    },
    forget: (cookieHash) => store.deleteRecord(COOKIE_NAMESPACE, cookieHash),
  };
}

/** Thrown for an agent answer the API has no sentence for (a bug, not a guest error). */
class UnexpectedAgentAnswer extends Error {
  override name = "UnexpectedAgentAnswer";
}

function chatAgent(agent: Agent): ChatAgent {
  async function* streamTurn(
    sessionKey: string,
    message: string,
    signal: AbortSignal,
  ): AsyncIterable<TurnEvent> {
    for await (const event of agent.streamTurn(sessionKey, message, { signal })) {
      if (event.type === "sentence") yield { type: "chunk", text: event.text };
      else yield { type: "done", result: event.result };
    }
  }
  return {
    // The agent keeps its own per-turn deadline too; this signal adds ours and "guest gone".
    turn: (sessionKey, message, signal) => agent.turn(sessionKey, message, { signal }),
    streamTurn,
    state: (sessionKey) => agent.state(sessionKey),
    async setTip(sessionKey, percent) {
      const result = await agent.setTip(sessionKey, percent);
      return result.ok
        ? { ok: true, state: result.state }
        : { ok: false, failure: { code: result.code, message: result.message } };
    },
    async pay(sessionKey) {
      const result = await agent.pay(sessionKey);
      if (result.ok) {
        const { url, paymentId, simulated, state } = result;
        return { ok: true, url, paymentId, simulated, state };
      }
      const state = result.state ?? (await agent.state(sessionKey));
      return { ok: false, failure: { code: result.code, message: result.message }, state };
    },
    async paymentStatus(sessionKey) {
      const result = await agent.paymentStatus(sessionKey);
      const state: PublicState = result.ok ? result.state : await agent.state(sessionKey);
      return { status: state.paymentStatus as PaymentStatus, state };
    },
    async reset(sessionKey) {
      const result = await agent.reset(sessionKey);
      if (!result.ok) throw new UnexpectedAgentAnswer(`reset failed: ${result.code}`);
      return result.state;
    },
  };
}

/** Adapts the real runtime to what the HTTP layer needs. */
export function serverRuntimeFrom(
  runtime: MayaRuntime,
  options: { redisUrl?: string } = {},
): ServerRuntime {
  const { store } = runtime;
  const redisUrl =
    options.redisUrl ?? (store.kind === "redis" ? runtime.config.MAYA_STORE : undefined);
  return {
    agent: chatAgent(runtime.agent),
    sessions: storeSessionDirectory(store),
    checkout: {
      render: (id) => runtime.mockCheckoutPage(id),
      complete: (id) => runtime.completeMockPayment(id),
    },
    webhooks: { handle: (rawBody, signature) => runtime.handleWebhook(rawBody, signature) },
    readiness: [
      {
        name: "store",
        async check() {
          await store.ping();
          return { ok: true };
        },
      },
      {
        name: "payments",
        async check() {
          const probe = await runtime.payments.probe();
          return probe.available
            ? { ok: true }
            : { ok: false, detail: probe.reason ?? "unavailable" };
        },
      },
    ],
    ...(redisUrl === undefined ? {} : { redisUrl }),
    close: () => runtime.close(),
  };
}

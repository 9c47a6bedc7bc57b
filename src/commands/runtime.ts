import { readFileSync } from "node:fs";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import {
  type Agent,
  createAgent,
  createCanary,
  createModelFromSpec,
  type MetricsHook,
  type ModelChoice,
  noMetrics,
  PAYMENT_SESSION_RECORDS,
  storeMockRecords,
} from "../agent/index.ts";

import { ConfigError, createLogger, type Env, type Logger, parseEnv } from "../config/index.ts";
import { createGuard, type Guard, parseScanConfig, type ScanConfigInput } from "../guard/index.ts";
import {
  createPaymentGateway,
  handleStripeWebhook,
  MockCheckout,
  type MockCheckoutResponse,
  type PaymentGateway,
  type PaymentSettings,
  paymentSettingsFromEnv,
  type WebhookResponse,
} from "../payments/index.ts";
import { openStore, type SessionStore, StoreUnavailableError } from "../state/index.ts";
import { storeErrorReporter } from "./store-errors.ts";

/**
 * The composition behind `maya serve`, `maya chat` and `maya mcp`: the
 * environment parsed once, then the store, the payment gateway, the guard
 * (with this process's canary and the payment hosts allowed in replies), the
 * model and the agent. `close()` releases everything it opened.
 */

export interface Runtime {
  config: Env;
  logger: Logger;
  store: SessionStore;
  guard: Guard;
  /** The resilient gateway (configured provider, mock fallback). */
  payments: PaymentGateway;
  paymentSettings: PaymentSettings;
  model: Omit<ModelChoice, "model">;
  agent: Agent;
  /** The agent and guard report here (counters for `/metrics`). */
  onEvent: MetricsHook;
  /** `GET /pay/mock/:id`. */
  mockCheckoutPage(id: string): Promise<MockCheckoutResponse>;
  /** `POST /pay/mock/:id`: completes the session's payment exactly once. */
  completeMockPayment(id: string): Promise<MockCheckoutResponse>;
  /** `POST /webhooks/stripe` with the raw body and the Stripe-Signature header. */
  handleWebhook(rawBody: Buffer | string, signature: string | undefined): Promise<WebhookResponse>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  logger?: Logger;
  onEvent?: MetricsHook;
  /** Overrides MAYA_STORE (tests, benches). */
  storeUrl?: string;
  /** Wraps the configured model (tests record tool calls, benches time them). */
  wrapModel?: (model: LanguageModelV4) => LanguageModelV4;
}

const STRIPE_CHECKOUT_HOSTS = ["checkout.stripe.com", "buy.stripe.com"];

/** The guard's settings: MAYA_GUARD_CONFIG (a JSON file), env overrides, and what the runtime knows. */
function guardConfigInput(env: Env, canary: string, allowedHosts: string[]): ScanConfigInput {
  let fromFile: Record<string, unknown> = {};
  if (env.MAYA_GUARD_CONFIG) {
    try {
      fromFile = JSON.parse(readFileSync(env.MAYA_GUARD_CONFIG, "utf8")) as Record<string, unknown>;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConfigError(
        `MAYA_GUARD_CONFIG: cannot read ${env.MAYA_GUARD_CONFIG} as JSON (${reason}).`,
      );
    }
  }
  const listed = Array.isArray(fromFile.allowedUrlHosts)
    ? (fromFile.allowedUrlHosts as string[])
    : [];
  return {
    ...fromFile,
    ...(env.MAYA_GUARD_FAIL_MODE && { failMode: env.MAYA_GUARD_FAIL_MODE }),
    ...(env.MAYA_GUARD_CASCADE !== undefined && { toxicityCascade: env.MAYA_GUARD_CASCADE }),
    ...(env.MAYA_PROMPT_INJECTION_THRESHOLD !== undefined && {
      promptInjectionThreshold: env.MAYA_PROMPT_INJECTION_THRESHOLD,
    }),
    ...(env.MAYA_TOXICITY_THRESHOLD !== undefined && {
      toxicityThreshold: env.MAYA_TOXICITY_THRESHOLD,
    }),
    allowedUrlHosts: [...new Set([...listed, ...allowedHosts])],
    canary,
  } as ScanConfigInput;
}

function publicHost(env: Env): string[] {
  const url = env.MAYA_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`;
  try {
    return [new URL(url).hostname];
  } catch {
    return [];
  }
}

export async function createRuntimeFromEnv(
  source: NodeJS.ProcessEnv | Env = process.env,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  const config = parseEnv(source as NodeJS.ProcessEnv);
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const onEvent = options.onEvent ?? noMetrics;

  // Everything that can fail on configuration alone fails before anything opens.
  const choice = createModelFromSpec(config.MAYA_MODEL, config);
  const paymentSettings = paymentSettingsFromEnv(config);
  // Mock links need an absolute URL the guest can open.
  paymentSettings.publicUrl ??= `http://${config.HOST}:${config.PORT}`;
  const canary = createCanary();
  const guardConfig = parseScanConfig(
    guardConfigInput(config, canary, [...publicHost(config), ...STRIPE_CHECKOUT_HOSTS]),
  );
  const guard = createGuard(guardConfig, {
    onEvent: (event) => {
      onEvent("guard_events", { event: event.event, scanner: event.scanner ?? "none" });
      logger.warn(
        {
          event: event.event,
          scanner: event.scanner,
          direction: event.direction,
          detail: event.detail,
        },
        "guard event",
      );
    },
  });

  // Models (and the cascade's encoder, when on) load now, not on the first guest's message.
  // Only the cascade can fail here: asked for and unusable is a start-up error, not a silent downgrade.
  try {
    await guard.ready();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(
      `the toxicity cascade is on (MAYA_GUARD_CASCADE or toxicityCascade) but cannot load: ${reason}`,
    );
  }

  const storeUrl = options.storeUrl ?? config.MAYA_STORE;
  const store = await openStore(storeUrl, {
    ttlMs: config.MAYA_SESSION_TTL_SECONDS * 1000,
    onError: storeErrorReporter({ logger, onEvent, storeUrl }),
  });
  try {
    const mockRecords = storeMockRecords(store);
    const payments = createPaymentGateway(paymentSettings, {
      mockRecords,
      logger,
      onOutcome: (event) => onEvent("payment_outcomes", { type: event.type }),
    });
    const agent = createAgent({
      store,
      payments,
      guard,
      model: options.wrapModel ? options.wrapModel(choice.model) : choice.model,
      logger,
      onEvent,
      settings: {
        maxSteps: config.MAYA_MAX_STEPS,
        turnTimeoutMs: config.MAYA_TURN_TIMEOUT_MS,
        canary,
      },
    });
    const checkout = new MockCheckout({
      records: mockRecords,
      logger,
      onCompleted: async (sessionId, paymentId) => {
        await agent.completePayment(sessionId, paymentId);
      },
    });
    const { model: _model, ...modelInfo } = choice;
    logger.info(
      {
        event: "runtime.ready",
        model: `${choice.provider}:${choice.modelId}`,
        store: store.kind,
        payments: payments.provider,
        guardCascade: guardConfig.toxicityCascade,
      },
      "Maya is ready",
    );

    return {
      config,
      logger,
      store,
      guard,
      payments,
      paymentSettings,
      model: modelInfo,
      agent,
      onEvent,
      mockCheckoutPage: (id) => checkout.renderMockCheckoutPage(id),
      completeMockPayment: (id) => checkout.completeMockPayment(id),
      async handleWebhook(rawBody, signature) {
        if (!paymentSettings.webhookSecret) {
          return {
            status: 400,
            body: {
              received: false,
              error: "Webhooks are not configured (STRIPE_WEBHOOK_SECRET).",
            },
          };
        }
        return handleStripeWebhook(rawBody, signature, {
          webhookSecret: paymentSettings.webhookSecret,
          markEventProcessed: (eventId) => store.markEventProcessed(eventId),
          // A payment that could not be recorded must not look like a replay to Stripe's retry.
          forgetEvent: (eventId) => store.forgetEvent(eventId),
          completePayment: (sessionId, paymentId) => agent.completePayment(sessionId, paymentId),
          sessionIdForPayment: async (paymentId) => {
            // A store outage must answer 500 (Stripe retries), not "not ours" (the event is dropped).
            const sessionId = await store
              .getRecord<string>(PAYMENT_SESSION_RECORDS, paymentId)
              .catch((error: unknown) => {
                if (error instanceof StoreUnavailableError) throw error;
                return null;
              });
            return typeof sessionId === "string" ? sessionId : undefined;
          },
          logger,
        });
      },
      async close() {
        await payments
          .close()
          .catch((error: unknown) => logger.warn({ err: error }, "payments close failed"));
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

import { APICallError, LoadAPIKeyError } from "@ai-sdk/provider";
import { RetryError } from "ai";

/**
 * Provider failures in four classes with stable event names. The provider's
 * own error text is for the log only; guests get the friendly reply below.
 */
export type ProviderErrorClass = "rate_limit" | "auth" | "timeout" | "other";

export const PROVIDER_ERROR_EVENTS: Record<ProviderErrorClass, string> = {
  rate_limit: "model_rate_limited",
  auth: "model_auth_failed",
  timeout: "model_timeout",
  other: "model_error",
};

export const PROVIDER_ERROR_REPLIES: Record<ProviderErrorClass, string> = {
  rate_limit: "It's a busy night and I'm a little swamped. Give me a moment and ask me again?",
  auth: "I can't reach my recipe book right now. The staff have been told; please try again later.",
  timeout: "Sorry, that took me too long to think through. Could you say that again?",
  other: "Something went wrong behind the bar. Could you try that again in a moment?",
};

function statusOf(error: unknown): number | undefined {
  if (APICallError.isInstance(error)) return error.statusCode;
  if (typeof error === "object" && error !== null) {
    const status =
      (error as { statusCode?: unknown; status?: unknown }).statusCode ??
      (error as { status?: unknown }).status;
    if (typeof status === "number") return status;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === "TimeoutError" ||
    error.name === "AbortError" ||
    /\b(timed? ?out|deadline)\b/i.test(error.message)
  );
}

/** Classifies an error thrown by the model loop, looking through retry wrappers and causes. */
export function classifyProviderError(error: unknown): ProviderErrorClass {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined; depth++) {
    if (RetryError.isInstance(current)) {
      current = current.lastError;
      continue;
    }
    if (LoadAPIKeyError.isInstance(current)) return "auth";
    const status = statusOf(current);
    if (status === 429) return "rate_limit";
    if (status === 401 || status === 403) return "auth";
    if (status === 408 || status === 504) return "timeout";
    if (isTimeout(current)) return "timeout";
    current = current instanceof Error ? current.cause : undefined;
  }
  return "other";
}

/**
 * What of an error goes into a log line: name, status and a short message.
 * Provider errors carry the request body (the whole conversation) and the
 * response; neither belongs in a log at error level.
 */
export function errorSummary(error: unknown): {
  name: string;
  message: string;
  statusCode?: number;
} {
  if (!(error instanceof Error))
    return { name: typeof error, message: String(error).slice(0, 200) };
  const status = APICallError.isInstance(error) ? error.statusCode : undefined;
  return {
    name: error.name,
    message: error.message.slice(0, 200),
    ...(status !== undefined && { statusCode: status }),
  };
}

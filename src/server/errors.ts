import type { FastifyReply } from "fastify";
import { StoreUnavailableError } from "../state/index.ts";

/** Every error the API returns has this shape: a stable code and one clear sentence. */
export interface ErrorBody {
  error: string;
  message: string;
}

export function sendError(
  reply: FastifyReply,
  status: number,
  error: string,
  message: string,
  retryAfterSeconds?: number,
): FastifyReply {
  if (retryAfterSeconds !== undefined) reply.header("retry-after", String(retryAfterSeconds));
  return reply.code(status).type("application/json; charset=utf-8").send({ error, message });
}

export const STORE_UNAVAILABLE: ErrorBody = {
  error: "store_unavailable",
  message:
    "Maya can't reach her tab book right now. Nothing was lost; please try again in a moment.",
};

/** A broken dependency (the store did not answer in time): 503, retry soon. */
export function isStoreUnavailable(error: unknown): boolean {
  return error instanceof StoreUnavailableError;
}

/** Fastify's own error codes mapped to our codes and sentences. */
export function describeFrameworkError(
  error: { code?: string; statusCode?: number; message: string },
  bodyLimitBytes: number,
): { status: number; body: ErrorBody } {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return {
        status: 413,
        body: {
          error: "body_too_large",
          message: `The request body is too large; the limit is ${bodyLimitBytes} bytes.`,
        },
      };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return {
        status: 415,
        body: { error: "unsupported_media_type", message: "Send the request body as JSON." },
      };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return {
        status: 400,
        body: { error: "empty_body", message: "The request body is empty; send a JSON object." },
      };
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return {
        status: 400,
        body: { error: "bad_content_length", message: "The Content-Length header is wrong." },
      };
    default:
      break;
  }
  if (error instanceof SyntaxError || error.code === "FST_ERR_CTP_INVALID_JSON_BODY") {
    return {
      status: 400,
      body: { error: "malformed_json", message: "The request body is not valid JSON." },
    };
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return { status, body: { error: "bad_request", message: "The request could not be read." } };
  }
  return {
    status: 500,
    body: {
      error: "internal_error",
      message: "Something went wrong behind the bar. Please try again.",
    },
  };
}

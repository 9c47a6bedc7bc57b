import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { kindOfStatus, PaymentProviderError } from "../errors.ts";
import type { CreatePaymentLinkRequest, PaymentAdapter, PaymentStatus } from "../types.ts";
import { splitCommand } from "./command.ts";

export type StripeMcpTarget =
  /** A local server started as a child process, e.g. `npx -y @stripe/mcp --tools=all`. */
  | { kind: "command"; command: string; env?: Record<string, string> }
  /** A Streamable HTTP server (Stripe's hosted one) reached with a bearer key. */
  | { kind: "url"; url: string };

export interface StripeMcpAdapterOptions {
  target: StripeMcpTarget;
  /** Passed to a command as STRIPE_SECRET_KEY (never on its command line), or as the bearer key. */
  secretKey: string;
  /** Deadline for connecting (spawn + initialize); default 10 s. */
  connectTimeoutMs?: number;
  /** Deadline of one tool call when the caller gives none; default 10 s. */
  callTimeoutMs?: number;
  redirectUrl?: string;
}

interface LinkProgress {
  productId?: string;
  priceId?: string;
  link?: { url: string; paymentId: string };
}

const PAYMENT_LINK_ID = /^plink_[A-Za-z0-9]+$/;
const STRIPE_ID = /^[a-z]+_[A-Za-z0-9]+$/;
const MAX_PROGRESS_ENTRIES = 1_000;

/**
 * Stripe through its MCP server, using Stripe's tool names (create_product,
 * create_price, create_payment_link, retrieve_balance, fetch_stripe_resources).
 * The tools take no idempotency key, so this adapter remembers, per key, the
 * steps that already succeeded and resumes from there on a retry (one process;
 * across processes only the API adapter is idempotent). A tool that reports a
 * failure in text is an error, never a success.
 */
export class StripeMcpPaymentAdapter implements PaymentAdapter {
  readonly provider = "stripe-mcp" as const;
  readonly simulated = false;
  readonly #options: StripeMcpAdapterOptions;
  readonly #progress = new Map<string, LinkProgress>();
  #client: Promise<Client> | undefined;
  #tools: Set<string> | undefined;

  constructor(options: StripeMcpAdapterOptions) {
    this.#options = options;
  }

  async createPaymentLink(
    request: CreatePaymentLinkRequest,
    { signal }: { signal: AbortSignal },
  ): Promise<{ url: string; paymentId: string }> {
    const progress = this.#progressOf(request.idempotencyKey);
    if (progress.link) return progress.link;
    progress.productId ??= idOf(
      await this.#call("create_product", { name: request.description }, signal),
      "create_product",
    );
    progress.priceId ??= idOf(
      await this.#call(
        "create_price",
        {
          product: progress.productId,
          unit_amount: request.amountCents,
          currency: request.currency,
        },
        signal,
      ),
      "create_price",
    );
    const answer = await this.#call(
      "create_payment_link",
      {
        price: progress.priceId,
        quantity: 1,
        ...(this.#options.redirectUrl && { redirect_url: this.#options.redirectUrl }),
      },
      signal,
    );
    const paymentId = idOf(answer, "create_payment_link");
    const url = (answer as { url?: unknown }).url;
    if (typeof url !== "string" || !/^https?:\/\//.test(url)) {
      throw new PaymentProviderError("server", "create_payment_link answered without a link url");
    }
    progress.link = { url, paymentId };
    return progress.link;
  }

  /**
   * Reads the link through `fetch_stripe_resources` when the server offers it;
   * otherwise the status stays pending and the signed webhook is the source of truth.
   */
  async getStatus(paymentId: string, { signal }: { signal: AbortSignal }): Promise<PaymentStatus> {
    const tools = await this.#toolNames(signal);
    if (!tools.has("fetch_stripe_resources")) return "pending";
    const link = (await this.#call("fetch_stripe_resources", { id: paymentId }, signal)) as {
      active?: unknown;
      restrictions?: { completed_sessions?: { count?: unknown } } | null;
    };
    const completed = link.restrictions?.completed_sessions?.count;
    if (typeof completed === "number" && completed > 0) return "succeeded";
    return link.active === false ? "expired" : "pending";
  }

  async probe({ signal }: { signal: AbortSignal }): Promise<void> {
    await this.#call("retrieve_balance", {}, signal);
  }

  owns(paymentId: string): boolean {
    return PAYMENT_LINK_ID.test(paymentId);
  }

  async close(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    this.#tools = undefined;
    if (client) await (await client.catch(() => undefined))?.close();
  }

  /** Calls one tool; transport faults, MCP errors and failure texts become PaymentProviderErrors. */
  async #call(name: string, args: Record<string, unknown>, signal: AbortSignal): Promise<unknown> {
    const client = await this.#connect(signal);
    let result: Awaited<ReturnType<Client["callTool"]>>;
    try {
      result = await client.callTool({ name, arguments: args }, undefined, {
        signal,
        timeout: this.#options.callTimeoutMs ?? 10_000,
      });
    } catch (error) {
      if (signal.aborted) {
        throw new PaymentProviderError("timeout", `${name} ran out of time`, { cause: error });
      }
      throw this.#transportError(name, error);
    }
    const text = textOf(result.content);
    if (result.isError) throw failureFromText(name, text);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // @stripe/mcp answers failures as plain sentences ("Failed to create payment link").
      throw failureFromText(name, text);
    }
    if (parsed === null || typeof parsed !== "object") throw failureFromText(name, text);
    const failure = parsed as { error?: unknown; status?: unknown; message?: unknown };
    if (failure.error) {
      const status = typeof failure.status === "number" ? failure.status : undefined;
      const kind = status ? kindOfStatus(status) : "server";
      throw new PaymentProviderError(
        kind,
        `${name} failed: ${String(failure.message ?? failure.error).slice(0, 200)}`,
        { status },
      );
    }
    return parsed;
  }

  async #toolNames(signal: AbortSignal): Promise<Set<string>> {
    if (this.#tools) return this.#tools;
    const client = await this.#connect(signal);
    try {
      const listed = await client.listTools(undefined, {
        signal,
        timeout: this.#options.callTimeoutMs ?? 10_000,
      });
      this.#tools = new Set(listed.tools.map((t) => t.name));
      return this.#tools;
    } catch (error) {
      throw this.#transportError("tools/list", error);
    }
  }

  /** One client per adapter, made on first use and remade after the connection drops. */
  #connect(signal: AbortSignal): Promise<Client> {
    signal.throwIfAborted();
    this.#client ??= this.#open().catch((error: unknown) => {
      this.#client = undefined;
      throw new PaymentProviderError(
        "network",
        `cannot reach the Stripe MCP server: ${messageOf(error)}`,
        { cause: error },
      );
    });
    return this.#client;
  }

  async #open(): Promise<Client> {
    const client = new Client({ name: "maya-payments", version: "1.0.0" });
    const transport = this.#transport();
    transport.onclose = () => {
      this.#client = undefined;
      this.#tools = undefined;
    };
    try {
      await client.connect(transport, { timeout: this.#options.connectTimeoutMs ?? 10_000 });
    } catch (error) {
      // A half-started child process or session must not outlive the failed attempt.
      await transport.close().catch(() => {});
      throw error;
    }
    return client;
  }

  #transport(): Transport {
    const { target, secretKey } = this.#options;
    if (target.kind === "url") {
      return new StreamableHTTPClientTransport(new URL(target.url), {
        requestInit: { headers: { Authorization: `Bearer ${secretKey}` } },
      });
    }
    const [command, ...args] = splitCommand(target.command);
    if (!command) throw new PaymentProviderError("invalid_request", "STRIPE_MCP_COMMAND is empty");
    return new StdioClientTransport({
      command,
      args,
      env: { ...getDefaultEnvironment(), ...target.env, STRIPE_SECRET_KEY: secretKey },
      stderr: "ignore",
    });
  }

  #transportError(name: string, error: unknown): PaymentProviderError {
    if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) {
      return new PaymentProviderError("timeout", `${name} timed out`, { cause: error });
    }
    if (error instanceof McpError && error.code === ErrorCode.ConnectionClosed) {
      this.#client = undefined;
      return new PaymentProviderError("network", `${name}: connection closed`, { cause: error });
    }
    if (error instanceof McpError && error.code === ErrorCode.InvalidParams) {
      return new PaymentProviderError("invalid_request", `${name}: ${error.message}`, {
        cause: error,
      });
    }
    return new PaymentProviderError("network", `${name}: ${messageOf(error)}`, { cause: error });
  }

  #progressOf(key: string): LinkProgress {
    let progress = this.#progress.get(key);
    if (!progress) {
      progress = {};
      this.#progress.set(key, progress);
      if (this.#progress.size > MAX_PROGRESS_ENTRIES) {
        const oldest = this.#progress.keys().next().value;
        if (oldest !== undefined) this.#progress.delete(oldest);
      }
    }
    return progress;
  }
}

function textOf(content: unknown): string {
  if (!Array.isArray(content)) return "";
  return content
    .filter(
      (part): part is { type: "text"; text: string } =>
        part?.type === "text" && typeof part.text === "string",
    )
    .map((part) => part.text)
    .join("\n")
    .trim();
}

function idOf(answer: unknown, tool: string): string {
  const id = (answer as { id?: unknown }).id;
  if (typeof id !== "string" || !STRIPE_ID.test(id)) {
    throw new PaymentProviderError("server", `${tool} answered without an id`);
  }
  return id;
}

/** A failure sentence from a tool; auth and validation words make it final, anything else retryable. */
function failureFromText(tool: string, text: string): PaymentProviderError {
  const summary = text.slice(0, 200) || "no answer";
  if (/invalid api key|authentication|unauthori[sz]ed|permission/i.test(text)) {
    return new PaymentProviderError("auth", `${tool} failed: ${summary}`);
  }
  return new PaymentProviderError("server", `${tool} failed: ${summary}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

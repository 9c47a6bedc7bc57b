import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { parseStripeForm } from "./form.ts";

/** One scripted misbehaviour, consumed by the next matching request. */
export type Fault =
  | { status: number; type?: string; path?: string }
  | { delayMs: number; path?: string }
  | { reset: true; path?: string };

interface Price {
  id: string;
  object: "price";
  currency: string;
  unit_amount: number;
  product: string;
  metadata: Record<string, string>;
}

interface PaymentLink {
  id: string;
  object: "payment_link";
  url: string;
  active: boolean;
  line_items: { price: string; quantity: number }[];
  metadata: Record<string, string>;
  restrictions: { completed_sessions: { count: number; limit: number } } | null;
}

interface CheckoutSession {
  id: string;
  object: "checkout.session";
  status: "open" | "complete" | "expired";
  payment_status: "paid" | "unpaid";
  payment_link: string;
  amount_total: number;
  currency: string;
  metadata: Record<string, string>;
}

interface StoredAnswer {
  fingerprint: string;
  status: number;
  body: unknown;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

/**
 * A small Stripe-compatible API for tests and benches: products, prices,
 * payment links, checkout sessions and balance, with Stripe's idempotency
 * rules (replay, 400 idempotency_error on other parameters, 409 while the
 * first request is in flight) and scripted faults (5xx, 409, 429, slow, reset).
 * `completeCheckout` plays the guest who pays on the link.
 */
export class FakeStripe {
  readonly secretKey = "sk_test_fakestripe0123456789";
  readonly products = new Map<string, { id: string; name: string }>();
  readonly prices = new Map<string, Price>();
  readonly links = new Map<string, PaymentLink>();
  readonly sessions = new Map<string, CheckoutSession>();
  /** Successful guest payments: the number of times money would have moved. */
  charges = 0;
  requests = 0;
  /** Every request gets a reset while true: Stripe is down. */
  down = false;
  /** Added to every request. */
  delayMs = 0;
  readonly #faults: Fault[] = [];
  readonly #answers = new Map<string, StoredAnswer>();
  readonly #inFlight = new Set<string>();
  readonly #sockets = new Set<Socket>();
  readonly #server: Server;
  url = "";

  private constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.on("connection", (socket) => {
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
    });
  }

  static async start(): Promise<FakeStripe> {
    const fake = new FakeStripe();
    await new Promise<void>((resolve) => fake.#server.listen(0, "127.0.0.1", resolve));
    fake.url = `http://127.0.0.1:${(fake.#server.address() as AddressInfo).port}`;
    return fake;
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Queues faults for the next matching requests, in order. */
  inject(...faults: Fault[]): void {
    this.#faults.push(...faults);
  }

  get pendingFaults(): number {
    return this.#faults.length;
  }

  /** The guest pays on the link: one completed checkout session, within the link's restriction. */
  completeCheckout(
    linkId: string,
  ): { ok: true; session: CheckoutSession } | { ok: false; reason: string } {
    const link = this.links.get(linkId);
    if (!link) return { ok: false, reason: "no such link" };
    if (!link.active) return { ok: false, reason: "link is no longer active" };
    const restriction = link.restrictions?.completed_sessions;
    if (restriction && restriction.count >= restriction.limit)
      return { ok: false, reason: "limit reached" };
    const line = link.line_items[0];
    const price = line ? this.prices.get(line.price) : undefined;
    if (!line || !price) return { ok: false, reason: "link without price" };
    const session: CheckoutSession = {
      id: id("cs_test"),
      object: "checkout.session",
      status: "complete",
      payment_status: "paid",
      payment_link: link.id,
      amount_total: price.unit_amount * line.quantity,
      currency: price.currency,
      metadata: { ...link.metadata },
    };
    this.sessions.set(session.id, session);
    if (restriction) {
      restriction.count += 1;
      if (restriction.count >= restriction.limit) link.active = false;
    }
    this.charges += 1;
    return { ok: true, session };
  }

  expireLink(linkId: string): void {
    const link = this.links.get(linkId);
    if (link) link.active = false;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests += 1;
    const url = new URL(req.url ?? "/", "http://fake");
    const body = await readBody(req);
    if (this.down) return void req.socket.destroy();
    const fault = this.#takeFault(url.pathname);
    if (this.delayMs > 0) await sleep(this.delayMs);
    if (fault && "reset" in fault) return void req.socket.destroy();
    if (fault && "delayMs" in fault) await sleep(fault.delayMs);
    if (fault && "status" in fault) {
      return send(
        res,
        fault.status,
        stripeError(fault.type ?? "api_error", `Injected ${fault.status}`),
      );
    }
    if (req.headers.authorization !== `Bearer ${this.secretKey}`) {
      return send(res, 401, stripeError("invalid_request_error", "Invalid API Key provided."));
    }

    const key = req.method === "POST" ? headerOf(req, "idempotency-key") : undefined;
    if (!key) return this.#answer(res, req.method ?? "GET", url, body);

    const fingerprint = `${req.method} ${url.pathname} ${body}`;
    const stored = this.#answers.get(key);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        return send(
          res,
          400,
          stripeError(
            "idempotency_error",
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          ),
        );
      }
      res.setHeader("Idempotent-Replayed", "true");
      return send(res, stored.status, stored.body);
    }
    if (this.#inFlight.has(key)) {
      return send(res, 409, {
        error: {
          type: "invalid_request_error",
          code: "idempotency_key_in_use",
          message:
            "There is currently another in-progress request using this Idempotent Key. Please try again later.",
        },
      });
    }
    this.#inFlight.add(key);
    try {
      // Execution takes a moment, so concurrent duplicates can meet the in-flight lock.
      await sleep(1);
      const [status, answer] = this.#route(req.method ?? "GET", url, parseStripeForm(body));
      this.#answers.set(key, { fingerprint, status, body: answer });
      send(res, status, answer);
    } finally {
      this.#inFlight.delete(key);
    }
  }

  #answer(res: ServerResponse, method: string, url: URL, body: string): void {
    const [status, answer] = this.#route(method, url, parseStripeForm(body));
    send(res, status, answer);
  }

  #route(method: string, url: URL, form: Record<string, unknown>): [number, unknown] {
    const path = url.pathname;
    if (method === "GET" && path === "/v1/balance") {
      return [
        200,
        {
          object: "balance",
          livemode: false,
          available: [{ amount: 0, currency: "usd" }],
          pending: [],
        },
      ];
    }
    if (method === "POST" && path === "/v1/products") {
      const name = str(form.name);
      if (!name)
        return [400, stripeError("invalid_request_error", "Missing required param: name.")];
      const product = { id: id("prod"), object: "product", name };
      this.products.set(product.id, product);
      return [200, product];
    }
    if (method === "POST" && path === "/v1/prices") return this.#createPrice(form);
    if (method === "POST" && path === "/v1/payment_links") return this.#createLink(form);
    const linkMatch = /^\/v1\/payment_links\/([^/]+)$/.exec(path);
    if (method === "GET" && linkMatch) {
      const link = this.links.get(linkMatch[1] ?? "");
      return link ? [200, link] : [404, missing(linkMatch[1] ?? "")];
    }
    if (method === "GET" && path === "/v1/checkout/sessions") {
      const linkId = url.searchParams.get("payment_link");
      const data = [...this.sessions.values()].filter((s) => !linkId || s.payment_link === linkId);
      return [200, { object: "list", data, has_more: false, url: "/v1/checkout/sessions" }];
    }
    return [
      404,
      stripeError("invalid_request_error", `Unrecognized request URL (${method}: ${path}).`),
    ];
  }

  #createPrice(form: Record<string, unknown>): [number, unknown] {
    const amount = Number(form.unit_amount);
    const currency = str(form.currency);
    if (!Number.isInteger(amount) || amount < 0 || !currency) {
      return [400, stripeError("invalid_request_error", "Invalid unit_amount or currency.")];
    }
    let product = str(form.product);
    const productData = form.product_data as Record<string, unknown> | undefined;
    if (!product && productData && str(productData.name)) {
      product = id("prod");
      this.products.set(product, { id: product, name: str(productData.name) ?? "" });
    }
    if (!product || !this.products.has(product)) {
      return [
        400,
        stripeError("invalid_request_error", "A product or product_data[name] is required."),
      ];
    }
    const price: Price = {
      id: id("price"),
      object: "price",
      currency,
      unit_amount: amount,
      product,
      metadata: strings(form.metadata),
    };
    this.prices.set(price.id, price);
    return [200, price];
  }

  #createLink(form: Record<string, unknown>): [number, unknown] {
    const items = Object.values((form.line_items ?? {}) as Record<string, Record<string, unknown>>);
    const first = items[0];
    const price = first ? str(first.price) : undefined;
    if (items.length !== 1 || !price || !this.prices.has(price)) {
      return [
        400,
        stripeError("invalid_request_error", "line_items must name one existing price."),
      ];
    }
    const restriction = (
      form.restrictions as { completed_sessions?: { limit?: string } } | undefined
    )?.completed_sessions?.limit;
    const linkId = id("plink");
    const link: PaymentLink = {
      id: linkId,
      object: "payment_link",
      url: `${this.url}/pay/${linkId}`,
      active: true,
      line_items: [{ price, quantity: Number(first?.quantity ?? 1) }],
      metadata: strings(form.metadata),
      restrictions: restriction
        ? { completed_sessions: { count: 0, limit: Number(restriction) } }
        : null,
    };
    this.links.set(link.id, link);
    return [200, link];
  }

  #takeFault(path: string): Fault | undefined {
    const index = this.#faults.findIndex((f) => !f.path || path.startsWith(f.path));
    if (index < 0) return undefined;
    return this.#faults.splice(index, 1)[0];
  }
}

function stripeError(type: string, message: string) {
  return { error: { type, message } };
}

function missing(resource: string) {
  return {
    error: {
      type: "invalid_request_error",
      code: "resource_missing",
      message: `No such payment link: '${resource}'`,
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "request-id": id("req") });
  res.end(JSON.stringify(body));
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function strings(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) if (typeof v === "string") out[k] = v;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function sleep(ms: number): Promise<void> {
  // Unref: a scripted hang must not keep a finished test or bench process alive.
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

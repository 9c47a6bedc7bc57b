import { formatCents } from "../../bar/index.ts";
import type { Logger } from "../../config/index.ts";
import { silentLogger } from "../../config/index.ts";
import {
  effectiveStatus,
  MOCK_ID_PATTERN,
  MOCK_RECORD_TTL_MS,
  mockCheckoutPath,
} from "./adapter.ts";
import type { MockPaymentRecord, MockPaymentRecords } from "./records.ts";

export type MockCheckoutOutcome =
  | "shown"
  | "completed"
  | "already_completed"
  | "not_found"
  | "expired"
  | "unavailable";

/** An HTTP answer the server sends as is (text/html; charset=utf-8). */
export interface MockCheckoutResponse {
  status: 200 | 404 | 409 | 410 | 503;
  outcome: MockCheckoutOutcome;
  html: string;
}

export interface MockCheckoutOptions {
  records: MockPaymentRecords;
  /**
   * Completes the session's payment in state, exactly once however often it is
   * called (state's atomic completion); throws when state cannot be reached.
   */
  onCompleted: (sessionId: string, paymentId: string) => Promise<unknown>;
  now?: () => number;
  logger?: Logger;
  /** Optional same-origin stylesheet (the page carries no inline style or script, for a strict CSP). */
  stylesheetHref?: string;
}

/**
 * The handler logic behind `GET /pay/mock/:id` (the page) and
 * `POST /pay/mock/:id` (the Pay button, a plain form post). Completion is a
 * compare-and-set on the shared record, so a payment completes exactly once
 * even when two instances receive the click.
 */
export class MockCheckout {
  readonly #records: MockPaymentRecords;
  readonly #onCompleted: MockCheckoutOptions["onCompleted"];
  readonly #now: () => number;
  readonly #log: Logger;
  readonly #stylesheetHref: string | undefined;

  constructor(options: MockCheckoutOptions) {
    this.#records = options.records;
    this.#onCompleted = options.onCompleted;
    this.#now = options.now ?? Date.now;
    this.#log = options.logger ?? silentLogger();
    this.#stylesheetHref = options.stylesheetHref;
  }

  async renderMockCheckoutPage(id: string): Promise<MockCheckoutResponse> {
    const record = await this.#load(id);
    if (!record)
      return this.#page(
        404,
        "not_found",
        "Payment not found",
        "<p>This payment link does not exist or has run out.</p>",
      );
    const status = effectiveStatus(record, this.#now());
    if (status === "succeeded")
      return this.#page(200, "already_completed", "Already paid", paidBody(record));
    if (status !== "pending")
      return this.#page(
        410,
        "expired",
        "Link expired",
        "<p>This payment link is no longer valid. Ask Maya for a new one.</p>",
      );
    const amount = escapeHtml(formatAmount(record.amountCents, record.currency));
    return this.#page(
      200,
      "shown",
      "Checkout",
      `<p>This is Maya's test checkout: no real money moves.</p>
<dl>
<dt>For</dt><dd>${escapeHtml(record.description)}</dd>
<dt>Amount</dt><dd>${amount}</dd>
</dl>
<form method="post" action="${mockCheckoutPath(record.id)}">
<button type="submit">Pay ${amount}</button>
</form>`,
    );
  }

  /**
   * The Pay button. The pending → succeeded move is a compare-and-set, so one
   * press wins; `onCompleted` (state's exactly-once completion) then records it.
   * A press on an already paid record calls `onCompleted` again, which state
   * answers as already completed: that is also how a payment whose first
   * recording failed (state unreachable) gets recorded on the next press.
   */
  async completeMockPayment(id: string): Promise<MockCheckoutResponse> {
    const record = await this.#load(id);
    if (!record) return this.#page(404, "not_found", "Payment not found", NOT_FOUND);
    const status = effectiveStatus(record, this.#now());
    if (status !== "pending" && status !== "succeeded")
      return this.#page(410, "expired", "Link expired", EXPIRED);

    const paid: MockPaymentRecord = { ...record, status: "succeeded", completedAt: this.#now() };
    const won =
      status === "pending" &&
      (await this.#records.replaceIf(record.id, "pending", paid, MOCK_RECORD_TTL_MS));
    try {
      await this.#onCompleted(record.sessionId, record.id);
    } catch (error) {
      this.#log.error(
        {
          event: "payments.mock_completion_failed",
          paymentId: record.id,
          err: error instanceof Error ? error.message : String(error),
        },
        "could not record the mock payment",
      );
      return this.#page(503, "unavailable", "Try again", UNRECORDED);
    }
    if (!won) return this.#page(409, "already_completed", "Already paid", paidBody(record));
    this.#log.info(
      { event: "payments.mock_completed", paymentId: record.id },
      "mock payment completed",
    );
    return this.#page(200, "completed", "Paid", paidBody(paid));
  }

  async #load(id: string): Promise<MockPaymentRecord | undefined> {
    if (typeof id !== "string" || !MOCK_ID_PATTERN.test(id)) return undefined;
    return this.#records.get(id);
  }

  #page(
    status: MockCheckoutResponse["status"],
    outcome: MockCheckoutOutcome,
    title: string,
    body: string,
  ): MockCheckoutResponse {
    const stylesheet = this.#stylesheetHref
      ? `\n<link rel="stylesheet" href="${escapeHtml(this.#stylesheetHref)}">`
      : "";
    const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · Maya's bar</title>${stylesheet}
</head>
<body>
<main class="mock-checkout">
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
    return { status, outcome, html };
  }
}

const NOT_FOUND = "<p>This payment link does not exist or has run out.</p>";
const EXPIRED = "<p>This payment link is no longer valid. Ask Maya for a new one.</p>";
const UNRECORDED =
  "<p>The payment went through here but could not be recorded on your tab just now. Please press Pay again in a moment; you will not be charged twice.</p>";

function paidBody(record: MockPaymentRecord): string {
  const amount = escapeHtml(formatAmount(record.amountCents, record.currency));
  return `<p role="status">${amount} paid for ${escapeHtml(record.description)}. You can close this tab and go back to Maya.</p>`;
}

/** "$12.50" for dollars, "12.50 EUR" for anything else. */
export function formatAmount(cents: number, currency: string): string {
  const dollars = formatCents(cents);
  return currency === "usd" ? dollars : `${dollars.replace("$", "")} ${currency.toUpperCase()}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

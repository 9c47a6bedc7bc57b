import type { CheckoutView } from "./ports.ts";

/**
 * The mock checkout page: Maya's stand-in for Stripe's hosted page, so the
 * whole payment flow works offline. Server-rendered, no script, styled by the
 * same stylesheet as the chat page; every dynamic value is escaped.
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function formatAmount(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: currency.toUpperCase(),
  }).format(cents / 100);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="dark">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/styles.css">
</head>
<body>
<main class="checkout">
<section class="checkout-card" aria-labelledby="checkout-title">
${body}
</section>
</main>
</body>
</html>
`;
}

const STATUS_TEXT: Record<string, string> = {
  succeeded: "Payment completed",
  failed: "Payment failed",
  expired: "This checkout has expired",
};

export function renderCheckout(view: CheckoutView, justPaid = false): string {
  if (!view.ok) {
    return page(
      "Checkout not found",
      `<h1 id="checkout-title">Checkout not found</h1>
<p class="checkout-note">${escapeHtml(view.failure.message)}</p>`,
    );
  }
  const amount = formatAmount(view.amountCents, view.currency);
  const heading = `<h1 id="checkout-title">MOK 5-ha · ${escapeHtml(view.description)}</h1>
<p class="checkout-amount">${escapeHtml(amount)}</p>`;
  if (view.status !== "pending") {
    const done = view.status === "succeeded";
    return page(
      STATUS_TEXT[view.status] ?? "Checkout",
      `${heading}
<p class="checkout-result ${done ? "completed" : "failed"}" role="status">${STATUS_TEXT[view.status]}</p>
<p class="checkout-note">${done ? (justPaid ? "Thank you! You can close this tab and return to Maya." : "This tab has already been paid.") : "Return to Maya to try again."}</p>`,
    );
  }
  return page(
    `Pay ${amount}`,
    `${heading}
<p class="checkout-note">Test checkout: no real money moves.</p>
<form method="post" action="/pay/mock/${encodeURIComponent(view.paymentId)}">
<button type="submit" class="pay-button">Pay ${escapeHtml(amount)}</button>
</form>`,
  );
}

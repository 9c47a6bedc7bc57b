import type { FastifyInstance, FastifyReply } from "fastify";
import type { ServerContext } from "../context.ts";
import { sendError } from "../errors.ts";
import type { CheckoutPage } from "../ports.ts";

const STYLESHEET = "/static/styles.css";
/** Stripe events can be far larger than a chat message (a whole checkout session). */
export const WEBHOOK_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * The mock checkout page (GET shows the amount, POST pays; the payments
 * module renders both) and the Stripe webhook, which needs the raw bytes for
 * its signature and so gets its own content-type parser inside its scope only.
 */
export async function checkoutRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const { checkout, webhooks } = ctx.runtime;

  function sendPage(reply: FastifyReply, page: CheckoutPage) {
    // Dress the payments module's plain page in the bar's own stylesheet (same origin, CSP-safe).
    const html = page.html.includes('rel="stylesheet"')
      ? page.html
      : page.html.replace("</head>", `<link rel="stylesheet" href="${STYLESHEET}">\n</head>`);
    return reply
      .code(page.status)
      .header("cache-control", "no-store")
      .type("text/html; charset=utf-8")
      .send(html);
  }

  // The checkout form posts an empty urlencoded body; nothing in it is read.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string" },
    (_request, _body, done) => done(null, {}),
  );

  app.get<{ Params: { id: string } }>("/pay/mock/:id", async (request, reply) =>
    sendPage(reply, await checkout.render(request.params.id)),
  );

  app.post<{ Params: { id: string } }>("/pay/mock/:id", async (request, reply) => {
    return sendPage(reply, await checkout.complete(request.params.id));
  });

  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser("*", { parseAs: "buffer" }, (_r, body, done) => done(null, body));
    // The limit on the route itself, so a 413 quotes this one (request.routeOptions.bodyLimit).
    raw.post(
      "/webhooks/stripe",
      { bodyLimit: WEBHOOK_BODY_LIMIT_BYTES },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) {
          return sendError(reply, 400, "empty_body", "The webhook body is empty.");
        }
        const signature = request.headers["stripe-signature"];
        const answer = await webhooks.handle(
          request.body,
          typeof signature === "string" ? signature : undefined,
        );
        ctx.metrics.payments.inc({ outcome: `webhook_${answer.status}` });
        return reply.code(answer.status).send(answer.body);
      },
    );
  });
}

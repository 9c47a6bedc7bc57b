import type { FastifyInstance } from "fastify";
import { renderCheckout } from "../checkout-page.ts";
import type { ServerContext } from "../context.ts";
import { sendError } from "../errors.ts";

const PAYMENT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{2,127}$/;

/**
 * The mock checkout page (GET shows the amount, POST pays) and the Stripe
 * webhook, which needs the raw bytes for its signature and so gets its own
 * content-type parser inside this plugin only.
 */
export async function checkoutRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const { checkout, webhooks } = ctx.runtime;

  // The checkout form posts an empty urlencoded body; nothing in it is read.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string" },
    (_request, _body, done) => done(null, {}),
  );

  app.get<{ Params: { id: string } }>("/pay/mock/:id", async (request, reply) => {
    const { id } = request.params;
    const view = PAYMENT_ID.test(id)
      ? await checkout.view(id)
      : {
          ok: false as const,
          failure: { code: "payment_not_found", message: "There is no checkout with that id." },
        };
    return reply
      .code(view.ok ? 200 : 404)
      .header("cache-control", "no-store")
      .type("text/html; charset=utf-8")
      .send(renderCheckout(view));
  });

  app.post<{ Params: { id: string } }>("/pay/mock/:id", async (request, reply) => {
    const { id } = request.params;
    if (!PAYMENT_ID.test(id)) {
      return reply
        .code(404)
        .type("text/html; charset=utf-8")
        .send(
          renderCheckout({
            ok: false,
            failure: { code: "payment_not_found", message: "There is no checkout with that id." },
          }),
        );
    }
    const view = await checkout.complete(id);
    if (view.ok && view.status === "succeeded") ctx.metrics.payments.inc({ outcome: "completed" });
    return reply
      .code(view.ok ? 200 : 404)
      .header("cache-control", "no-store")
      .type("text/html; charset=utf-8")
      .send(renderCheckout(view, true));
  });

  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: 256 * 1024 }, (_r, body, done) =>
      done(null, body),
    );
    raw.post("/webhooks/stripe", async (request, reply) => {
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
    });
  });
}

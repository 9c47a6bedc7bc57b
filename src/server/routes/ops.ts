import type { FastifyInstance } from "fastify";
import type { ServerContext } from "../context.ts";
import { requestDeadline, untilAborted } from "../deadline.ts";

const READY_CHECK_MS = 2000;

/** Liveness, readiness (store and payments reachable) and Prometheus metrics. */
export function opsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (_request, reply) => {
    const checks: Record<string, string> = {};
    let ready = true;
    await Promise.all(
      ctx.runtime.readiness.map(async (probe) => {
        const deadline = requestDeadline(READY_CHECK_MS);
        try {
          const result = await untilAborted(probe.check(), deadline.signal);
          checks[probe.name] = result.ok ? "ok" : (result.detail ?? "unavailable");
          ready &&= result.ok;
        } catch {
          checks[probe.name] = "unreachable";
          ready = false;
        } finally {
          deadline.clear();
        }
      }),
    );
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "not_ready", checks });
  });

  app.get("/metrics", async (_request, reply) => {
    const body = await ctx.metrics.registry.metrics();
    return reply.type(ctx.metrics.registry.contentType).send(body);
  });
}

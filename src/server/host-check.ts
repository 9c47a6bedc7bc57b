import { isIP } from "node:net";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ServerContext } from "./context.ts";
import { sendError } from "./errors.ts";

/**
 * DNS-rebinding defence: a page on `evil.example` whose name is re-pointed at
 * our address sends `Host: evil.example`, so only Host values we actually
 * serve are answered:
 * - the host of `MAYA_PUBLIC_URL` when it is set;
 * - otherwise each bound address with the bound port, plus `127.0.0.1`,
 *   `localhost` and `[::1]` with that port when bound to loopback;
 * - bound to a non-loopback address without a public URL, any IP literal with
 *   the bound port is served too (an IP origin cannot be rebound), but no DNS
 *   name: set MAYA_PUBLIC_URL to serve one (`maya serve` warns about this, and
 *   refuses to start that way in production).
 * `/healthz` answers any Host: it says nothing but "ok", and orchestrators'
 * liveness probes send the pod's address.
 */

export const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];

const ALWAYS_ANSWERED = new Set(["/healthz"]);

export type HostPolicy =
  | { kind: "names"; hosts: ReadonlySet<string> }
  | { kind: "names_or_ip"; hosts: ReadonlySet<string>; port: number };

/** `[::1]`-style brackets for IPv6, as the Host header writes them. */
function hostLiteral(address: string): string {
  return isIP(address) === 6 ? `[${address}]` : address.toLowerCase();
}

/** `name:port`, and the bare name too on port 80 (browsers leave the default port out). */
function withPort(name: string, port: number): string[] {
  return port === 80 ? [`${name}:80`, name] : [`${name}:${port}`];
}

export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127\./.test(bare);
}

/** What the server serves when MAYA_PUBLIC_URL is set: that URL's host (and its port, if any). */
export function publicUrlPolicy(publicUrl: string): HostPolicy {
  return { kind: "names", hosts: new Set([new URL(publicUrl).host.toLowerCase()]) };
}

/** What the server serves on the addresses it listens on (no public URL). */
export function boundPolicy(addresses: { address: string; port: number }[]): HostPolicy {
  const hosts = new Set<string>();
  let port = 0;
  let loopbackOnly = true;
  for (const bound of addresses) {
    port = bound.port;
    for (const host of withPort(hostLiteral(bound.address), bound.port)) hosts.add(host);
    if (isLoopbackAddress(bound.address)) {
      for (const name of LOOPBACK_NAMES) for (const host of withPort(name, port)) hosts.add(host);
    } else {
      loopbackOnly = false;
    }
  }
  if (loopbackOnly) return { kind: "names", hosts };
  for (const name of LOOPBACK_NAMES) for (const host of withPort(name, port)) hosts.add(host);
  return { kind: "names_or_ip", hosts, port };
}

export function isServedHost(host: string | undefined, policy: HostPolicy): boolean {
  if (host === undefined || host === "") return false;
  const wanted = host.toLowerCase();
  if (policy.hosts.has(wanted)) return true;
  if (policy.kind !== "names_or_ip") return false;
  const match = /^(\[[0-9a-f:.]+\]|[0-9.]+):(\d+)$/.exec(wanted);
  if (match === null || Number(match[2]) !== policy.port) return false;
  const name = match[1] ?? "";
  return isIP(name.replace(/^\[|\]$/g, "")) !== 0;
}

/**
 * The `onRequest` hook: a Host we do not serve gets 421 (counted as
 * `rejected{reason="host"}`, logged as `host_rejected`). Before the server
 * listens (tests calling `inject`) only a public URL gives a policy.
 */
export function hostCheck(ctx: ServerContext, boundAddresses: () => HostPolicy | undefined) {
  const fromPublicUrl =
    ctx.settings.publicUrl === undefined ? undefined : publicUrlPolicy(ctx.settings.publicUrl);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const policy = fromPublicUrl ?? boundAddresses();
    if (policy === undefined) return;
    if (ALWAYS_ANSWERED.has(request.url.split("?", 1)[0] ?? "")) return;
    if (isServedHost(request.headers.host, policy)) return;
    ctx.metrics.rejected.inc({ reason: "host" });
    ctx.logger.warn(
      { event: "host_rejected", host: (request.headers.host ?? "").slice(0, 100) },
      "request for a host this server does not serve",
    );
    sendError(
      reply,
      421,
      "unknown_host",
      "This server does not answer for that host name. Use Maya's own address.",
    );
  };
}

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import fc from "fast-check";
import { createBarTools, createPaymentFlow, noMetrics } from "../../src/agent/index.ts";
import type { Runtime } from "../../src/commands/runtime.ts";
import { silentLogger } from "../../src/config/index.ts";
import {
  createMayaMcpServer,
  createMcpBarTools,
  createMcpDeps,
  type McpDeps,
} from "../../src/mcp/index.ts";
import { call, stateOf, testRuntime, textOf } from "./harness.ts";

const PRICES: Record<string, number> = { Martini: 1300, IPA: 600, Water: 100, Negroni: 1100 };
const START = 100_000;

describe("MCP bar tools over the agent's toolset", () => {
  let runtime: Runtime;
  let deps: McpDeps;
  let sessionCounter = 0;

  /** A fresh MCP session (own Maya session) over an in-memory transport. */
  async function openSession(): Promise<Client> {
    sessionCounter += 1;
    const server = createMayaMcpServer(
      deps,
      `mcp_property_${String(sessionCounter).padStart(8, "0")}`,
    );
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: "property", version: "1" });
    await client.connect(clientSide);
    return client;
  }

  before(async () => {
    runtime = await testRuntime();
    deps = createMcpDeps(runtime);
  });

  after(async () => {
    await runtime.close();
  });

  /** The agent's own toolset over the runtime, for adapters built by hand. */
  function agentTools() {
    const { store, guard } = runtime;
    const logger = silentLogger();
    const payments = createPaymentFlow({
      store,
      gateway: runtime.payments,
      guard,
      logger,
      onEvent: noMetrics,
    });
    return createBarTools({ store, payments, logger, onEvent: noMetrics });
  }

  it("property: any order sequence keeps tab = sum of lines and balance + tab = $1,000.00; refusals change nothing", async () => {
    const order = fc.record({
      item: fc.oneof(fc.constantFrom(...Object.keys(PRICES)), fc.string({ maxLength: 12 })),
      quantity: fc.oneof(fc.integer({ min: -30, max: 40 }), fc.double({ noNaN: true })),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(order, { minLength: 1, maxLength: 5 }), async (orders) => {
        const client = await openSession();
        try {
          let expectedTab = 0;
          for (const args of orders) {
            const result = await call(client, "add_to_order", args);
            // Own keys only: "toString" is not a drink.
            const price = Object.hasOwn(PRICES, args.item) ? PRICES[args.item] : undefined;
            const valid =
              price !== undefined &&
              Number.isInteger(args.quantity) &&
              args.quantity >= 1 &&
              args.quantity <= 20;
            if (valid && result.isError) {
              // The bar's own limits may refuse a well-formed order; then nothing changes.
              assert.match(
                textOf(result),
                /one line holds at most|your balance is|different drinks/,
              );
            } else if (valid) {
              expectedTab += price * args.quantity;
            } else if (price !== undefined) {
              assert.equal(result.isError, true, `${args.quantity} ${args.item}`);
            }
            // Unknown names may still match a drink by the bar's typo-tolerant lookup.
            if (!result.isError && price === undefined) expectedTab = stateOf(result).tabCents;
          }
          const state = stateOf(await call(client, "show_order"));
          assert.equal(state.tabCents, expectedTab);
          const lines = state.order as Array<{ lineCents?: number }>;
          assert.equal(
            lines.reduce((sum, line) => sum + (line.lineCents ?? 0), 0),
            state.tabCents,
          );
          assert.equal(state.balanceCents + state.tabCents, START);
        } finally {
          await client.close();
        }
      }),
      { numRuns: 25 },
    );
  });

  it("removes, tips and clears with fresh state each time", async () => {
    const client = await openSession();
    try {
      await call(client, "add_to_order", { item: "Negroni", quantity: 3 });
      const removed = await call(client, "remove_from_order", { item: "negroni", quantity: 1 });
      assert.equal(stateOf(removed).tabCents, 2200);
      const tipped = stateOf(await call(client, "set_tip", { percent: 15 }));
      assert.equal(tipped.totalCents, 2200 + 330);
      const again = stateOf(await call(client, "set_tip", { percent: 15 }));
      assert.equal(again.totalCents, 2200, "the same percent again removes the tip");
      const cleared = stateOf(await call(client, "clear_order"));
      assert.equal(cleared.tabCents, 0);
      assert.equal(cleared.balanceCents, START);
      const unknown = await call(client, "remove_from_order", { item: "Martini" });
      assert.equal(unknown.isError, true);
      assert.ok(textOf(unknown).length > 10, "a clear sentence");
    } finally {
      await client.close();
    }
  });

  it("turns an unexpected failure into a generic tool error that reveals nothing", async () => {
    const logger = silentLogger();
    const broken = createMcpBarTools({
      tools: agentTools(),
      guard: deps.guard,
      logger,
      runInSession: () => Promise.reject(new Error("redis://secret-host:6379 refused")),
    });
    const server = createMayaMcpServer({ ...deps, bar: broken }, "mcp_broken_0000000000");
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: "broken", version: "1" });
    await client.connect(clientSide);
    try {
      const result = await call(client, "show_tab");
      assert.equal(result.isError, true);
      assert.equal(result._meta?.code, "tool_failed");
      assert.doesNotMatch(textOf(result), /redis|secret/);
    } finally {
      await client.close();
    }
  });

  it("answers a call that hangs past its deadline with a timeout error", async () => {
    const logger = silentLogger();
    const hanging = createMcpBarTools({
      tools: agentTools(),
      guard: deps.guard,
      logger,
      deadlineMs: 50,
      runInSession: () => new Promise(() => {}),
    });
    const server = createMayaMcpServer({ ...deps, bar: hanging }, "mcp_hanging_000000000");
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: "hanging", version: "1" });
    await client.connect(clientSide);
    try {
      const result = await call(client, "add_to_order", { item: "Martini" });
      assert.equal(result.isError, true);
      assert.equal(result._meta?.code, "timeout");
      assert.match(textOf(result), /show_order/);
    } finally {
      await client.close();
    }
  });

  it("refuses to build without the agent's tools", () => {
    assert.throws(
      () =>
        createMcpBarTools({
          tools: {},
          guard: deps.guard,
          logger: silentLogger(),
          runInSession: (_id, fn) => fn(),
        }),
      /get_menu/,
    );
  });
});

import { createInterface } from "node:readline";
import type { PublicState } from "../agent/index.ts";
import { formatCents } from "../bar/index.ts";
import { createLogger, parseEnv } from "../config/index.ts";
import { messageTooLong } from "../server/index.ts";
import { isValidSessionId, newSessionId } from "../state/index.ts";
import { createRuntimeFromEnv } from "./runtime.ts";

/**
 * `maya chat`: talk to Maya in this terminal, with the same agent, store and
 * payments as the web bar. After each reply: tab, tip, total and balance.
 * Ctrl-C or Ctrl-D leaves cleanly.
 */

const USAGE = `Usage: maya chat [--session ID]

Talk to Maya in this terminal. Configuration comes from the environment
(MAYA_MODEL, MAYA_STORE, MAYA_PAYMENTS, ...; see the README).

  --session ID   continue a session (16-128 letters, digits, - or _)
  -h, --help     show this help
`;

function summary(state: PublicState): string {
  const tip = state.tipPercent ? `${state.tipPercent}% ${formatCents(state.tipCents)}` : "none";
  const payment = state.paymentStatus === "pending" ? "" : ` · payment ${state.paymentStatus}`;
  return `  [tab ${formatCents(state.tabCents)} · tip ${tip} · total ${formatCents(state.totalCents)} · balance ${formatCents(state.balanceCents)}${payment}]`;
}

function parseArgs(args: string[]): { sessionId?: string; help?: boolean; error?: string } {
  const out: { sessionId?: string; help?: boolean; error?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-h" || arg === "--help") out.help = true;
    else if (arg === "--session") {
      const id = args[++i];
      if (!id || !isValidSessionId(id))
        return { error: "--session needs an id of 16-128 letters, digits, - or _" };
      out.sessionId = id;
    } else return { error: `unknown option '${arg}'` };
  }
  return out;
}

export async function run(args: string[]): Promise<number> {
  const options = parseArgs(args);
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options.error) {
    process.stderr.write(`maya chat: ${options.error}\n\n${USAGE}`);
    return 2;
  }
  const env = parseEnv(process.env);
  // Keep the conversation readable: only warnings and worse unless asked for more.
  const logger = createLogger({ level: env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL });
  const runtime = await createRuntimeFromEnv(process.env, { logger });
  const sessionId = options.sessionId ?? newSessionId();
  const out = process.stdout;
  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({
    input: process.stdin,
    output: out,
    terminal: interactive,
    prompt: "you> ",
  });

  let leaving = false;
  const leave = () => {
    if (leaving) return;
    leaving = true;
    rl.close();
  };
  rl.on("SIGINT", leave);

  out.write(
    `Maya at the MOK 5-ha bar (model ${runtime.model.provider}${runtime.model.provider === "rules" ? "" : `:${runtime.model.modelId}`}). Ctrl-D or Ctrl-C to leave.\n`,
  );
  out.write(`${summary(await runtime.agent.state(sessionId))}\n`);
  if (interactive) rl.prompt();
  try {
    for await (const line of rl) {
      if (leaving) break;
      const message = line.trim();
      if (message === "") {
        if (interactive) rl.prompt();
        continue;
      }
      // The web API's limit (MAYA_MAX_MESSAGE_CHARS): a pasted file is refused before Maya reads it.
      const tooLong = messageTooLong(message, env.MAYA_MAX_MESSAGE_CHARS);
      if (tooLong) {
        out.write(`  (${tooLong})\n`);
        if (interactive && !leaving) rl.prompt();
        continue;
      }
      let first = true;
      for await (const event of runtime.agent.streamTurn(sessionId, message)) {
        if (event.type === "sentence") {
          out.write(first ? `maya> ${event.text}` : ` ${event.text}`);
          first = false;
        } else {
          const { result } = event;
          out.write(
            `${first ? `maya> ${result.reply}` : ""}\n  (${result.emotion}${result.blocked ? ", guarded" : ""})\n${summary(result.state)}\n`,
          );
        }
      }
      if (interactive && !leaving) rl.prompt();
    }
  } finally {
    if (interactive) out.write("\nCheers, see you next time!\n");
    rl.close();
    await runtime.close();
  }
  return 0;
}

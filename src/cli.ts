#!/usr/bin/env node
/**
 * The `maya` command. Each subcommand lives in `commands/<name>.ts` and is
 * loaded on demand, so `maya scan` never pays for the web server's imports.
 */

type Command = { run(args: string[]): Promise<number> };

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  serve: {
    summary: "start the web bar (HTTP API + chat page)",
    load: () => import("./commands/serve.ts"),
  },
  chat: { summary: "talk to Maya in this terminal", load: () => import("./commands/chat.ts") },
  scan: {
    summary: "scan text with the guard (stdin, or --jsonl)",
    load: () => import("./commands/scan.ts"),
  },
  eval: {
    summary: "evaluate the guard's classifiers on labelled JSON lines",
    load: () => import("./commands/eval.ts"),
  },
  mcp: {
    summary: "serve Maya's tools over MCP (stdio, or --http)",
    load: () => import("./commands/mcp.ts"),
  },
};

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(7)} ${c.summary}`);
  return `Usage: maya <command> [options]\n\nCommands:\n${rows.join("\n")}\n\nRun 'maya <command> --help' for a command's options.\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`maya: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  return (await command.load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`maya: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);

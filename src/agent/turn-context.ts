import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What the tools may know about the turn in progress besides the session:
 * the guest's (scanned) message and the turn number. Set only by the agent
 * for the duration of one turn; absent for MCP calls.
 */
export interface TurnInfo {
  message: string;
  turn: number;
}

const storage = new AsyncLocalStorage<TurnInfo>();

export function runInTurn<T>(info: TurnInfo, fn: () => T): T {
  return storage.run(info, fn);
}

export function currentTurn(): TurnInfo | undefined {
  return storage.getStore();
}

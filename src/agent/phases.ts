/**
 * Conversation phases: greeting → order_taking → small_talk → reorder_prompt.
 * After an order is placed Maya chats; after four small-talk turns she offers
 * another round once, then goes back to small talk with the counter reset.
 */

export const PHASES = ["greeting", "order_taking", "small_talk", "reorder_prompt"] as const;
export type Phase = (typeof PHASES)[number];

/** Small-talk turns after which Maya offers another round. */
export const SMALL_TALK_BEFORE_REORDER = 4;

export interface PhaseState {
  phase: Phase;
  smallTalkTurns: number;
}

export const INITIAL_PHASE: PhaseState = { phase: "greeting", smallTalkTurns: 0 };

export function isPhase(value: unknown): value is Phase {
  return typeof value === "string" && (PHASES as readonly string[]).includes(value);
}

/** The phase for the next turn, given what happened in this one. */
export function advancePhase(current: PhaseState, turn: { ordered: boolean }): PhaseState {
  if (turn.ordered) return { phase: "small_talk", smallTalkTurns: 0 };
  switch (current.phase) {
    case "greeting":
    case "order_taking":
      return { phase: "order_taking", smallTalkTurns: 0 };
    case "reorder_prompt":
      return { phase: "small_talk", smallTalkTurns: 0 };
    case "small_talk": {
      const turns = current.smallTalkTurns + 1;
      return turns >= SMALL_TALK_BEFORE_REORDER
        ? { phase: "reorder_prompt", smallTalkTurns: turns }
        : { phase: "small_talk", smallTalkTurns: turns };
    }
  }
}

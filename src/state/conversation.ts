import { z } from "zod";

/** What the agent remembers of a conversation. Stored with the session, versioned like the tab. */

export const PHASES = ["greeting", "order_taking", "small_talk", "reorder_prompt"] as const;
export type Phase = (typeof PHASES)[number];

/** History is capped: the oldest messages fall off, so a session cannot grow without bound. */
export const MAX_HISTORY_MESSAGES = 60;
export const MAX_MESSAGE_CHARS = 8_000;

const jsonScalar = z.union([z.string().max(2_000), z.number().finite(), z.boolean(), z.null()]);

export const conversationSchema = z.object({
  history: z
    .array(
      z.object({
        role: z.enum(["user", "assistant"]),
        content: z.string().max(MAX_MESSAGE_CHARS),
        at: z.number().int().min(0),
      }),
    )
    .max(MAX_HISTORY_MESSAGES),
  phase: z.enum(PHASES),
  /** Named whole-number counters, e.g. smallTalkTurns. */
  counters: z.record(z.string().max(40), z.number().int().min(0).max(1_000_000_000)),
  /** Small named facts the agent keeps between turns, e.g. the last drink for "same again". */
  notes: z.record(z.string().max(40), jsonScalar),
});

export type Conversation = z.infer<typeof conversationSchema>;
export type ConversationMessage = Conversation["history"][number];

export function initialConversation(): Conversation {
  return { history: [], phase: "greeting", counters: {}, notes: {} };
}

/** Keeps only the newest messages. */
export function trimHistory(conversation: Conversation): Conversation {
  const { history } = conversation;
  if (history.length <= MAX_HISTORY_MESSAGES) return conversation;
  return { ...conversation, history: history.slice(history.length - MAX_HISTORY_MESSAGES) };
}

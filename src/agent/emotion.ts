/**
 * The emotion tag protocol: a reply starts with `[STATE: <emotion>]`, which the
 * agent strips before the guest sees the text. Unknown or missing tags are neutral.
 */

export const EMOTIONS = ["neutral", "happy", "flustered", "thinking", "mixing", "upset"] as const;
export type Emotion = (typeof EMOTIONS)[number];

const TAG = /^\s*\[\s*STATE\s*:\s*([A-Za-z_-]{0,32})\s*\]\s*/i;
/** Tags anywhere else in the text are removed too, so none ever reaches the guest. */
const STRAY_TAGS = /\[\s*STATE\s*:[^\]\n]{0,40}\]\s*/gi;

export function isEmotion(value: string): value is Emotion {
  return (EMOTIONS as readonly string[]).includes(value);
}

export interface TaggedReply {
  emotion: Emotion;
  text: string;
}

/** Splits a model reply into its emotion and the guest-visible text. */
export function parseEmotionTag(reply: string): TaggedReply {
  const match = TAG.exec(reply);
  const name = match?.[1]?.toLowerCase() ?? "";
  const rest = match ? reply.slice(match[0].length) : reply;
  return {
    emotion: isEmotion(name) ? name : "neutral",
    text: rest.replace(STRAY_TAGS, "").trim(),
  };
}

/** Formats a tag the way the system prompt asks models to write it. */
export function emotionTag(emotion: Emotion): string {
  return `[STATE: ${emotion}]`;
}

import { formatCents, type PublicState } from "../../../bar/index.ts";
import type { Emotion } from "../../emotion.ts";
import type { ResultRecord } from "./dialogue.ts";

/** Maya's voice for the rules model: short, warm, and always starting with an emotion tag. */

/** The question that asks the guest to confirm a payment; the next "yes" pays. */
export const CONFIRM_QUESTION = "Shall I send you the payment link?";
export const AWAITING_CONFIRMATION = /Shall I send you the payment link\?/;

export function tagged(emotion: Emotion, text: string): string {
  return `[STATE: ${emotion}] ${text}`;
}

export const money = (cents: unknown): string =>
  typeof cents === "number" && Number.isSafeInteger(cents) ? formatCents(cents) : "$0.00";

export function listWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

export function drinkPhrase(item: string, quantity: number, modifiers: string[] = []): string {
  const mods = modifiers.length > 0 ? ` (${modifiers.join(", ")})` : "";
  if (quantity === 1) return `${/^[aeiou]/i.test(item) ? "an" : "a"} ${item}${mods}`;
  const plural = /[sx]$/i.test(item) ? item : `${item}s`;
  return `${quantity} ${plural}${mods}`;
}

export function stateOf(result: ResultRecord | undefined): PublicState | null {
  const state = result?.value?.state;
  return state !== null && typeof state === "object" ? (state as PublicState) : null;
}

export function latestState(results: ResultRecord[]): PublicState | null {
  for (let i = results.length - 1; i >= 0; i--) {
    const state = stateOf(results[i]);
    if (state) return state;
  }
  return null;
}

export function tabLine(state: PublicState): string {
  const tip = state.tipPercent
    ? ` plus a ${state.tipPercent}% tip of ${money(state.tipCents)}`
    : "";
  return `Your tab is ${money(state.tabCents)}${tip}, ${money(state.totalCents)} in total, and you have ${money(state.balanceCents)} left.`;
}

export function orderLine(state: PublicState): string {
  if (state.order.length === 0) return "Your order is empty so far.";
  const lines = state.order.map((line) => drinkPhrase(line.item, line.quantity, line.modifiers));
  return `So far you have ${listWords(lines)}.`;
}

/** The failure message a tool gave, or a safe generic one; error texts from exceptions stay internal. */
export function failureText(
  result: ResultRecord,
  input: Record<string, unknown> | undefined,
): string {
  const message = result.value?.message;
  if (typeof message === "string" && message.length > 0) return message;
  const quantity = input?.quantity;
  if (
    typeof quantity === "number" &&
    (quantity < 1 || quantity > 20 || !Number.isInteger(quantity))
  ) {
    return "I can pour between 1 and 20 of a drink at a time.";
  }
  return "That didn't work on my side.";
}

const SMALL_TALK: Record<string, string[]> = {
  how_are_you: [
    "I'm great, thanks for asking! The bar's humming tonight.",
    "Doing wonderfully. Nothing beats the sound of a shaker at night.",
  ],
  name: ["I'm Maya, your bartender at MOK 5-ha. Pleased to meet you!"],
  joke: [
    "Why did the lemon stop halfway across the road? It ran out of juice!",
    "A neutron walks into a bar and asks how much for a drink. The bartender says: for you, no charge.",
  ],
  weather: ["Whatever it's doing outside, it's always perfect weather in here."],
  feeling_down: ["I'm sorry it's been a rough one. Pull up a stool, you're in good company here."],
  compliment: ["Aw, thank you! That makes my night."],
  chat: [
    "Tell me more! I'm all ears while I polish these glasses.",
    "Ha, the stories I hear from behind this bar. Go on!",
    "That's the spirit. Anything I can pour for you while we chat?",
  ],
};

export function smallTalk(topic: string, seed: number): string {
  const options = SMALL_TALK[topic] ?? SMALL_TALK.chat!;
  return options[seed % options.length]!;
}

import { affirmation, tokenize } from "./models/rules/words.ts";

/**
 * Whether a guest's message explicitly says yes ("yes please", "go ahead",
 * "confirm"). Used as a hard gate on charging, whatever model is talking.
 */
export function isExplicitConfirmation(message: string): boolean {
  return affirmation(tokenize(message)) === true;
}

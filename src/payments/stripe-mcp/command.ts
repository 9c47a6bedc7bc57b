/**
 * Splits a command line such as `npx -y @stripe/mcp --tools=all` into words,
 * honouring single and double quotes; no shell is involved, so nothing expands.
 */
export function splitCommand(line: string): string[] {
  const words: string[] = [];
  let current = "";
  let quote: '"' | "'" | undefined;
  let started = false;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started) words.push(current);
      current = "";
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (quote) throw new SyntaxError("unterminated quote in command");
  if (started) words.push(current);
  return words;
}

/**
 * Cuts streamed text into sentences so each can be output-scanned before it
 * is sent. A boundary is ., ! or ? followed by whitespace ("$13.00" and URLs
 * stay whole); whatever is left at the end is the last piece.
 */
export class SentenceSplitter {
  private buffer = "";

  /** Adds streamed text; returns the sentences it completed. */
  push(delta: string): string[] {
    this.buffer += delta;
    const out: string[] = [];
    const boundary = /[.!?…]+["')\]]*\s+/g;
    let start = 0;
    for (
      let match = boundary.exec(this.buffer);
      match !== null;
      match = boundary.exec(this.buffer)
    ) {
      const end = match.index + match[0].length;
      const sentence = this.buffer.slice(start, end).trim();
      if (sentence) out.push(sentence);
      start = end;
    }
    this.buffer = this.buffer.slice(start);
    return out;
  }

  /** The rest, when the stream ends. */
  flush(): string[] {
    const rest = this.buffer.trim();
    this.buffer = "";
    return rest ? [rest] : [];
  }
}

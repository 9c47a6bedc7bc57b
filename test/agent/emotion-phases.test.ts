import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  advancePhase,
  EMOTIONS,
  INITIAL_PHASE,
  type PhaseState,
  parseEmotionTag,
  SMALL_TALK_BEFORE_REORDER,
} from "../../src/agent/index.ts";
import { SentenceSplitter } from "../../src/agent/sentences.ts";

describe("emotion tags", () => {
  it("reads and strips a leading tag", () => {
    assert.deepEqual(parseEmotionTag("[STATE: mixing] Two Negronis coming up!"), {
      emotion: "mixing",
      text: "Two Negronis coming up!",
    });
    assert.equal(parseEmotionTag("  [state:HAPPY]Hi").emotion, "happy");
  });

  it("treats unknown or missing tags as neutral", () => {
    assert.equal(parseEmotionTag("[STATE: furious] Hm.").emotion, "neutral");
    assert.equal(parseEmotionTag("[STATE: furious] Hm.").text, "Hm.");
    assert.deepEqual(parseEmotionTag("No tag here."), { emotion: "neutral", text: "No tag here." });
  });

  it("never lets a tag reach the guest, wherever the model put it", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...EMOTIONS, "bogus"), fc.string(), (a, e, b) => {
        const { text } = parseEmotionTag(`${a}[STATE: ${e}]${b}`);
        return !/\[\s*STATE\s*:\s*[A-Za-z_-]{0,32}\s*\]/i.test(text) || /\[\s*STATE/i.test(a + b);
      }),
    );
  });
});

describe("phases", () => {
  it("greeting → order_taking → small_talk after an order", () => {
    let state: PhaseState = INITIAL_PHASE;
    state = advancePhase(state, { ordered: false });
    assert.equal(state.phase, "order_taking");
    state = advancePhase(state, { ordered: true });
    assert.deepEqual(state, { phase: "small_talk", smallTalkTurns: 0 });
  });

  it("offers another round after four small-talk turns, then resets", () => {
    let state: PhaseState = { phase: "small_talk", smallTalkTurns: 0 };
    for (let i = 1; i < SMALL_TALK_BEFORE_REORDER; i++) {
      state = advancePhase(state, { ordered: false });
      assert.equal(state.phase, "small_talk");
    }
    state = advancePhase(state, { ordered: false });
    assert.equal(state.phase, "reorder_prompt");
    state = advancePhase(state, { ordered: false });
    assert.deepEqual(state, { phase: "small_talk", smallTalkTurns: 0 });
  });

  it("never counts past the reorder threshold and an order always resets", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), (turns) => {
        let state: PhaseState = INITIAL_PHASE;
        for (const ordered of turns) {
          state = advancePhase(state, { ordered });
          if (ordered && state.phase !== "small_talk") return false;
          if (state.smallTalkTurns > SMALL_TALK_BEFORE_REORDER) return false;
        }
        return true;
      }),
    );
  });
});

describe("sentence splitting for streamed replies", () => {
  it("cuts at sentence ends but keeps prices and URLs whole", () => {
    const splitter = new SentenceSplitter();
    const out = [
      ...splitter.push(
        "Your total is $13.00. Here's the link: http://127.0.0.1/pay/mock/x.y Thanks! ",
      ),
      ...splitter.push("Bye"),
      ...splitter.flush(),
    ];
    assert.deepEqual(out, [
      "Your total is $13.00.",
      "Here's the link: http://127.0.0.1/pay/mock/x.y Thanks!",
      "Bye",
    ]);
  });

  it("loses no text, however the stream is chunked", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 20 }), (chunks) => {
        const splitter = new SentenceSplitter();
        const pieces = [...chunks.flatMap((c) => splitter.push(c)), ...splitter.flush()];
        const squash = (s: string) => s.replace(/\s+/g, "");
        return squash(pieces.join("")) === squash(chunks.join(""));
      }),
    );
  });
});

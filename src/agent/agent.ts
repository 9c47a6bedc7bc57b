import { generateText, isStepCount, type ModelMessage, streamText } from "ai";
import { formatCents } from "../bar/index.ts";
import { type Logger, silentLogger } from "../config/index.ts";
import { runInSession, type SessionRecord } from "../state/index.ts";
import { type Emotion, parseEmotionTag } from "./emotion.ts";
import { noMetrics } from "./metrics.ts";
import { createPaymentFlow } from "./payment-flow.ts";
import { advancePhase, isPhase, type PhaseState } from "./phases.ts";
import { buildSystemPrompt } from "./prompt.ts";
import {
  classifyProviderError,
  errorSummary,
  PROVIDER_ERROR_EVENTS,
  PROVIDER_ERROR_REPLIES,
} from "./provider-errors.ts";
import { SentenceSplitter } from "./sentences.ts";
import { inLockedSession } from "./session-scope.ts";
import { createBarTools, QUOTE_NOTE, QUOTE_TURN_NOTE, TURN_COUNTER } from "./tools/bar-tools.ts";
import { TOOL } from "./tools/contract.ts";
import { runInTurn } from "./turn-context.ts";
import type { ActionResult, Agent, AgentDeps, TurnEvent, TurnResult } from "./types.ts";

/**
 * The conversation processor. A turn: empty message → a gentle prompt;
 * input scan → blocked turns end with the scanner's reason; otherwise the
 * model loop runs inside the session context with a step limit and a
 * deadline; the reply (and every streamed sentence) passes the output
 * scanner; the conversation record moves on. Turns of one session queue up.
 */

const EMPTY_PROMPT = "Take your time! Tell me what you'd like, or ask for the menu.";
const TANGLED = "Sorry, I got a little tangled up there. Could you say that again?";
const LAST_ROUND_NOTE = "lastRound";
const SMALL_TALK_COUNTER = "smallTalkTurns";

interface TurnPlan {
  messages: ModelMessage[];
  instructions: string;
  turn: number;
}

/** The conversation notes without the pending payment quote (a new turn or a blocked one ends it). */
function withoutQuote<T>(notes: Record<string, T>): Record<string, T> {
  const { [QUOTE_NOTE]: _cents, [QUOTE_TURN_NOTE]: _turn, ...rest } = notes;
  return rest;
}

export function createAgent(deps: AgentDeps): Agent {
  const { store, guard, model, settings } = deps;
  const logger: Logger = deps.logger ?? silentLogger();
  const onEvent = deps.onEvent ?? noMetrics;
  const flow = createPaymentFlow({ store, gateway: deps.payments, guard, logger, onEvent });
  const tools = createBarTools({ store, payments: flow, logger, onEvent });
  const historyMessages = settings.historyMessages ?? 20;

  async function loadRecord(sessionId: string) {
    const loaded = await store.load(sessionId);
    if (!loaded.ok) throw new Error(`Cannot load session: ${loaded.message}`);
    return loaded;
  }

  async function finish(
    sessionId: string,
    reply: string,
    emotion: Emotion,
    blocked: boolean,
  ): Promise<TurnResult> {
    const { state } = await loadRecord(sessionId);
    return { reply, emotion, blocked, state };
  }

  function planTurn(record: SessionRecord, message: string): TurnPlan {
    const { conversation } = record;
    const lastRoundText = conversation.notes[LAST_ROUND_NOTE];
    let lastRound: Array<{ item: string; quantity: number; modifiers: string[] }> = [];
    if (typeof lastRoundText === "string") {
      try {
        const parsed: unknown = JSON.parse(lastRoundText);
        if (Array.isArray(parsed)) lastRound = parsed;
      } catch {
        // A damaged note only costs "same again" its memory.
      }
    }
    const history: ModelMessage[] = conversation.history
      .slice(-historyMessages)
      .map((m) => ({ role: m.role, content: m.content }));
    return {
      messages: [...history, { role: "user", content: message }],
      instructions: buildSystemPrompt(settings.canary, { phase: conversation.phase, lastRound }),
      turn: (conversation.counters[TURN_COUNTER] ?? 0) + 1,
    };
  }

  /** The output scan plus the agent's own canary check (defence in depth). */
  async function checkOutput(text: string, prompt: string): Promise<{ ok: boolean; text: string }> {
    if (text.includes(settings.canary)) {
      logger.warn({ event: "agent.canary_leak" }, "reply contained the canary");
      onEvent("agent_output_replaced", { scanner: "canary" });
      const fallback =
        (guard.config.outputFallbackMessage as string | undefined) ??
        "Let me get you a drink instead!";
      return { ok: false, text: fallback };
    }
    const scan = await guard.scanOutput(text, prompt);
    if (!scan.isValid) {
      logger.warn(
        { event: "agent.output_replaced", blockedBy: scan.blockedBy },
        "reply replaced by the guard",
      );
      onEvent("agent_output_replaced", { scanner: scan.blockedBy ?? "unknown" });
      return { ok: false, text: scan.sanitizedText };
    }
    return { ok: true, text: scan.sanitizedText };
  }

  /**
   * Records the turn: history, phase and counters, the last round, and the
   * quote. A quote is the total when this reply showed it to the guest; only
   * the very next message can confirm it (see create_payment).
   */
  async function remember(
    sessionId: string,
    plan: TurnPlan,
    message: string,
    reply: string,
    ordered: Array<{ item: string; quantity: number; modifiers: string[] }>,
  ): Promise<TurnResult["state"]> {
    const { state } = await loadRecord(sessionId);
    const quoted = state.totalCents > 0 && reply.includes(formatCents(state.totalCents));
    const now = Date.now();
    const updated = await store.updateConversation(sessionId, (c) => {
      const current: PhaseState = {
        phase: isPhase(c.phase) ? c.phase : "greeting",
        smallTalkTurns: c.counters[SMALL_TALK_COUNTER] ?? 0,
      };
      const next = advancePhase(current, { ordered: ordered.length > 0 });
      const history = [
        ...c.history,
        { role: "user" as const, content: message.slice(0, 8000), at: now },
        { role: "assistant" as const, content: reply.slice(0, 8000), at: now },
      ].slice(-60);
      const notes = withoutQuote(c.notes);
      if (ordered.length > 0) notes[LAST_ROUND_NOTE] = JSON.stringify(ordered).slice(0, 2000);
      if (quoted) {
        notes[QUOTE_NOTE] = state.totalCents;
        notes[QUOTE_TURN_NOTE] = plan.turn;
      }
      return {
        history,
        phase: next.phase,
        counters: {
          ...c.counters,
          [TURN_COUNTER]: plan.turn,
          [SMALL_TALK_COUNTER]: next.smallTalkTurns,
        },
        notes,
      };
    });
    if (!updated.ok) {
      logger.warn(
        { event: "agent.conversation_not_saved", code: updated.code },
        "conversation record not updated",
      );
      return state;
    }
    return updated.state;
  }

  type ModelOutcome =
    | {
        ok: true;
        text: string;
        ordered: Array<{ item: string; quantity: number; modifiers: string[] }>;
      }
    | { ok: false; reply: string };

  function orderedIn(
    steps: ReadonlyArray<{ toolResults: ReadonlyArray<{ toolName: string; output: unknown }> }>,
  ) {
    const ordered: Array<{ item: string; quantity: number; modifiers: string[] }> = [];
    for (const step of steps) {
      for (const result of step.toolResults) {
        const output = result.output as {
          ok?: boolean;
          added?: { item: string; quantity: number; modifiers: string[] };
        };
        if (result.toolName === TOOL.addToOrder && output?.ok === true && output.added) {
          ordered.push({
            item: output.added.item,
            quantity: output.added.quantity,
            modifiers: output.added.modifiers,
          });
        }
      }
    }
    return ordered;
  }

  function providerFailure(error: unknown): { ok: false; reply: string } {
    const kind = classifyProviderError(error);
    logger.error(
      { event: PROVIDER_ERROR_EVENTS[kind], error: errorSummary(error) },
      "model call failed",
    );
    onEvent("agent_provider_errors", { class: kind });
    return { ok: false, reply: PROVIDER_ERROR_REPLIES[kind] };
  }

  function loopOptions(plan: TurnPlan, signal: AbortSignal | undefined) {
    const deadline = AbortSignal.timeout(settings.turnTimeoutMs);
    return {
      model,
      tools,
      instructions: plan.instructions,
      messages: plan.messages,
      stopWhen: isStepCount(settings.maxSteps),
      maxRetries: settings.maxRetries ?? 2,
      // The turn ends at its deadline, or earlier when the caller gives up (client gone).
      abortSignal: signal ? AbortSignal.any([signal, deadline]) : deadline,
    };
  }

  async function runModel(
    sessionId: string,
    plan: TurnPlan,
    message: string,
    signal: AbortSignal | undefined,
  ): Promise<ModelOutcome> {
    try {
      const result = await runInSession(sessionId, () =>
        runInTurn({ message, turn: plan.turn }, () => generateText(loopOptions(plan, signal))),
      );
      const text = result.steps
        .map((s) => s.text)
        .filter(Boolean)
        .join(" ")
        .trim();
      return { ok: true, text, ordered: orderedIn(result.steps) };
    } catch (error) {
      return providerFailure(error);
    }
  }

  /**
   * A blocked message changes no order, tab or money, but it does end a pending
   * payment quote: a "yes" after it answers Maya's refusal, not the total, so the
   * guest must ask to pay again.
   */
  async function withdrawQuote(sessionId: string): Promise<void> {
    const { session } = await loadRecord(sessionId);
    if (!(QUOTE_NOTE in session.conversation.notes)) return;
    const updated = await store.updateConversation(sessionId, (c) => ({
      ...c,
      notes: withoutQuote(c.notes),
    }));
    if (!updated.ok) {
      logger.warn(
        { event: "agent.conversation_not_saved", code: updated.code },
        "pending quote not withdrawn",
      );
    }
  }

  /** Everything before the model: empty text, the input scan, the plan. */
  async function prepare(
    sessionId: string,
    message: string,
  ): Promise<{ done: TurnResult } | { plan: TurnPlan; message: string }> {
    const text = typeof message === "string" ? message.trim() : "";
    onEvent("agent_turns", {});
    if (text === "") return { done: await finish(sessionId, EMPTY_PROMPT, "neutral", false) };
    const scan = await guard.scanInput(text);
    if (!scan.isValid) {
      logger.warn(
        { event: "agent.input_blocked", blockedBy: scan.blockedBy },
        "message blocked by the guard",
      );
      onEvent("agent_input_blocked", { scanner: scan.blockedBy ?? "unknown" });
      await withdrawQuote(sessionId);
      const reason = scan.blockedReason ?? "Let's keep it about drinks. What can I get you?";
      return { done: await finish(sessionId, reason, "neutral", true) };
    }
    const loaded = await loadRecord(sessionId);
    return { plan: planTurn(loaded.session, scan.sanitizedText), message: scan.sanitizedText };
  }

  async function turnLocked(
    sessionId: string,
    message: string,
    signal?: AbortSignal,
  ): Promise<TurnResult> {
    const prepared = await prepare(sessionId, message);
    if ("done" in prepared) return prepared.done;
    const { plan } = prepared;
    const outcome = await runModel(sessionId, plan, prepared.message, signal);
    if (!outcome.ok) return finish(sessionId, outcome.reply, "flustered", false);
    const tagged = parseEmotionTag(outcome.text);
    const visible = tagged.text || TANGLED;
    const emotion = tagged.text ? tagged.emotion : "flustered";
    const checked = await checkOutput(visible, prepared.message);
    const reply = checked.text;
    const state = await remember(sessionId, plan, prepared.message, reply, outcome.ordered);
    return { reply, emotion: checked.ok ? emotion : "neutral", blocked: !checked.ok, state };
  }

  async function streamTurnLocked(
    sessionId: string,
    message: string,
    emit: (event: TurnEvent) => void,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const prepared = await prepare(sessionId, message);
    if ("done" in prepared) {
      emit({ type: "sentence", text: prepared.done.reply });
      emit({ type: "done", result: prepared.done });
      return;
    }
    const { plan } = prepared;
    const splitter = new SentenceSplitter();
    const sent: string[] = [];
    let raw = "";
    let emotion: Emotion = "neutral";
    let tagRead = false;
    let replaced: string | null = null;
    let ordered: Array<{ item: string; quantity: number; modifiers: string[] }> = [];

    const send = async (sentence: string) => {
      if (replaced !== null) return;
      const checked = await checkOutput(sentence, prepared.message);
      if (!checked.ok) {
        replaced = checked.text;
        emit({ type: "sentence", text: checked.text });
        return;
      }
      sent.push(checked.text);
      emit({ type: "sentence", text: checked.text });
    };

    try {
      await runInSession(sessionId, () =>
        runInTurn({ message: prepared.message, turn: plan.turn }, async () => {
          const result = streamText({
            ...loopOptions(plan, signal),
            onError: () => {},
          });
          let pending = "";
          for await (const part of result.stream) {
            if (part.type === "error") throw part.error;
            if (part.type === "finish-step") pending += " ";
            if (part.type !== "text-delta") continue;
            raw += part.text;
            if (!tagRead) {
              pending += part.text;
              // Wait until the tag (if any) is complete, then strip it once.
              if (!/^\s*\[[^\]]{0,40}$/.test(pending) || pending.length > 48) {
                const parsed = parseEmotionTag(pending);
                emotion = parsed.emotion;
                tagRead = true;
                for (const s of splitter.push(parsed.text ? `${parsed.text} ` : "")) await send(s);
                pending = "";
              }
              continue;
            }
            for (const s of splitter.push(part.text.replace(/\[\s*STATE\s*:[^\]]{0,40}\]/gi, "")))
              await send(s);
          }
          if (!tagRead && pending.trim()) {
            const parsed = parseEmotionTag(pending);
            emotion = parsed.emotion;
            splitter.push(parsed.text);
          }
          for (const s of splitter.flush()) await send(s);
          ordered = orderedIn(await result.steps);
        }),
      );
    } catch (error) {
      const failure = providerFailure(error);
      emit({ type: "sentence", text: failure.reply });
      emit({ type: "done", result: await finish(sessionId, failure.reply, "flustered", false) });
      return;
    }

    let reply: string;
    let blocked = false;
    if (replaced !== null) {
      reply = replaced;
      blocked = true;
    } else {
      const full = parseEmotionTag(raw).text || TANGLED;
      if (sent.length === 0) {
        emit({ type: "sentence", text: full === TANGLED ? TANGLED : full });
        if (full === TANGLED) emotion = "flustered";
      }
      // The whole reply is scanned too: some checks need the full text.
      const checked = await checkOutput(full, prepared.message);
      reply = checked.text;
      blocked = !checked.ok;
    }
    const state = await remember(sessionId, plan, prepared.message, reply, ordered);
    emit({
      type: "done",
      result: { reply, emotion: blocked ? "neutral" : emotion, blocked, state },
    });
  }

  async function* streamTurn(
    sessionId: string,
    message: string,
    signal: AbortSignal | undefined,
  ): AsyncIterable<TurnEvent> {
    const queue: TurnEvent[] = [];
    let wake: (() => void) | null = null;
    let finished = false;
    let failure: unknown = null;
    const emit = (event: TurnEvent) => {
      queue.push(event);
      wake?.();
    };
    const work = locked(sessionId, () => streamTurnLocked(sessionId, message, emit, signal)).then(
      () => {
        finished = true;
        wake?.();
      },
      (error: unknown) => {
        failure = error;
        finished = true;
        wake?.();
      },
    );
    while (true) {
      const next = queue.shift();
      if (next) {
        yield next;
        continue;
      }
      if (finished) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
    await work;
    if (failure) throw failure;
  }

  const locked = inLockedSession;

  function action(
    result: { ok: true; state: TurnResult["state"] } | { ok: false; code: string; message: string },
  ): ActionResult {
    return result.ok
      ? { ok: true, state: result.state }
      : { ok: false, code: result.code, message: result.message };
  }

  return {
    turn: (sessionId, message, options) =>
      locked(sessionId, () => turnLocked(sessionId, message, options?.signal)),
    streamTurn: (sessionId, message, options) => {
      runInSession(sessionId, () => undefined); // validates the id up front
      return streamTurn(sessionId, message, options?.signal);
    },
    state: async (sessionId) => (await loadRecord(sessionId)).state,
    setTip: (sessionId, percent) =>
      locked(sessionId, async () => {
        if (percent === null) return action(await store.setTip(sessionId, null));
        if (percent !== 10 && percent !== 15 && percent !== 20) {
          return { ok: false, code: "invalid_tip", message: "Tips are 10, 15 or 20 percent." };
        }
        return action(await store.toggleTip(sessionId, percent));
      }),
    pay: (sessionId) => locked(sessionId, () => flow.pay(sessionId)),
    paymentStatus: (sessionId) => locked(sessionId, () => flow.status(sessionId)),
    reset: (sessionId) =>
      locked(sessionId, async () => action(await store.resetConversation(sessionId))),
    completePayment: (sessionId, paymentId) => flow.complete(sessionId, paymentId),
  };
}

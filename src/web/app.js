// Maya's chat page: conversation, avatar, tab overlay, tips and payment.
import * as api from "./api.js";
import { countTo, formatCents } from "./money.js";

const $ = (id) => document.getElementById(id);
const els = {
  maya: $("maya"),
  mood: $("mood"),
  log: $("log"),
  announcer: $("announcer"),
  notice: $("notice"),
  noticeText: $("notice-text"),
  noticeClose: $("notice-close"),
  form: $("composer"),
  message: $("message"),
  send: $("send"),
  reset: $("reset"),
  tab: $("tab"),
  tip: $("tip"),
  tipFigure: $("tip-figure"),
  tipLabel: $("tip-label"),
  total: $("total"),
  balance: $("balance"),
  order: $("order"),
  tips: $("tips"),
  pay: $("pay"),
  payStatus: $("pay-status"),
};

const EMOTIONS = ["neutral", "happy", "flustered", "thinking", "mixing", "upset"];
const MOODS = {
  neutral: "is polishing a glass",
  happy: "is beaming",
  flustered: "is a little flustered",
  thinking: "is thinking it over",
  mixing: "is mixing your drink",
  upset: "is not amused",
};
const LOW_BALANCE_CENTS = 5000;
// `blocked` covers a refused message and a replaced reply alike, so the notice claims neither.
const BLOCKED_NOTICE =
  "Maya's safety check stepped in on that one. No harm done: try putting it another way.";

let current = null;
let busy = false;
let pollTimer = 0;
let following = false;

function setEmotion(emotion) {
  const name = EMOTIONS.includes(emotion) ? emotion : "neutral";
  els.maya.dataset.emotion = name;
  els.mood.textContent = MOODS[name];
}

function renderOrder(order) {
  els.order.replaceChildren(
    ...order.map((line) => {
      const li = document.createElement("li");
      const name = document.createElement("span");
      name.textContent = `${line.quantity} × ${line.item}`;
      if (line.modifiers.length > 0) {
        const mods = document.createElement("span");
        mods.className = "line-mods";
        mods.textContent = ` (${line.modifiers.join(", ")})`;
        name.append(mods);
      }
      const price = document.createElement("span");
      price.className = "line-price";
      price.textContent = formatCents(line.lineCents);
      li.append(name, price);
      return li;
    }),
  );
}

function renderState(state) {
  current = state;
  countTo(els.tab, state.tabCents);
  countTo(els.tip, state.tipCents);
  countTo(els.total, state.totalCents);
  countTo(els.balance, state.balanceCents);
  els.balance.classList.toggle("empty", state.balanceCents <= 0);
  els.balance.classList.toggle(
    "low",
    state.balanceCents > 0 && state.balanceCents < LOW_BALANCE_CENTS,
  );
  els.tipFigure.hidden = state.tipPercent === null;
  els.tipLabel.textContent = state.tipPercent === null ? "" : `(${state.tipPercent}%)`;
  els.tips.hidden = state.tabCents === 0;
  for (const button of els.tips.querySelectorAll("button")) {
    button.setAttribute(
      "aria-pressed",
      String(Number(button.dataset.percent) === state.tipPercent),
    );
  }
  renderOrder(state.order);
  const processing = state.paymentStatus === "processing";
  els.pay.disabled = state.totalCents === 0 && !processing;
  els.pay.textContent = processing
    ? "Open checkout"
    : state.totalCents > 0
      ? `Pay ${formatCents(state.totalCents)}`
      : "Pay";
  // A payment started in the conversation ("check please") is followed here too.
  if (processing && !following) followPayment();
  if (!following && state.paymentStatus === "pending") showPaymentStatus("pending");
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

/** Maya's text with its links clickable; everything else stays plain text (no HTML parsing). */
function setReplyText(bubble, text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    parts.push(text.slice(last, match.index));
    const a = document.createElement("a");
    a.href = match[0];
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.textContent = match[0];
    parts.push(a);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  bubble.replaceChildren(...parts);
}

function addMessage(sender, text) {
  const li = document.createElement("li");
  li.className = `message ${sender === "Maya" ? "maya-message" : "guest-message"}`;
  const who = document.createElement("span");
  who.className = "sender";
  who.textContent = sender;
  const bubble = document.createElement("p");
  bubble.className = "bubble";
  bubble.textContent = text;
  li.append(who, bubble);
  els.log.append(li);
  els.log.scrollTop = els.log.scrollHeight;
  return li;
}

function showNotice(text) {
  els.noticeText.textContent = text;
  els.notice.hidden = false;
}

function hideNotice() {
  els.notice.hidden = true;
}

function setBusy(value) {
  busy = value;
  els.send.disabled = value;
  els.form.setAttribute("aria-busy", String(value));
}

async function sendMessage(text) {
  setBusy(true);
  hideNotice();
  addMessage("You", text);
  const reply = addMessage("Maya", "");
  reply.classList.add("pending");
  const bubble = reply.querySelector(".bubble");
  setEmotion("thinking");
  try {
    const result = await api.chat(text, (chunk) => {
      bubble.textContent += bubble.textContent && !/^\s/.test(chunk) ? ` ${chunk}` : chunk;
      els.log.scrollTop = els.log.scrollHeight;
    });
    setReplyText(bubble, result.reply);
    setEmotion(result.emotion);
    renderState(result.state);
    if (result.blocked) {
      reply.classList.add("blocked");
      showNotice(BLOCKED_NOTICE);
    }
    els.announcer.textContent = `Maya says: ${result.reply}`;
  } catch (error) {
    reply.remove();
    setEmotion("flustered");
    showNotice(error.message);
  } finally {
    reply.classList.remove("pending");
    els.log.scrollTop = els.log.scrollHeight;
    setBusy(false);
  }
}

const PAYMENT_TEXT = {
  pending: "",
  processing: "Waiting for your payment…",
  completed: "Payment completed. Thank you!",
  failed: "The payment did not go through. You can try again.",
};

function showPaymentStatus(status, link) {
  els.payStatus.className = `pay-status ${status}`;
  els.payStatus.textContent = PAYMENT_TEXT[status] ?? "";
  if (link && status === "processing") {
    const a = document.createElement("a");
    a.href = link;
    a.target = "_blank";
    a.rel = "noopener";
    a.textContent = "Open the checkout";
    els.payStatus.append(" ", a);
  }
}

/** Polls the payment's status until it completes or fails (at most 15 minutes). */
function followPayment(link) {
  clearTimeout(pollTimer);
  following = true;
  const started = Date.now();
  const poll = async () => {
    try {
      const { status, state } = await api.paymentStatus();
      showPaymentStatus(status, link);
      if (status !== "processing") following = false;
      renderState(state);
      if (!following) return;
    } catch (error) {
      showNotice(error.message);
    }
    if (Date.now() - started < 15 * 60_000) pollTimer = setTimeout(poll, 2000);
    else following = false;
  };
  pollTimer = setTimeout(poll, 800);
}

async function startPayment() {
  els.pay.disabled = true;
  try {
    const { url, simulated } = await api.pay();
    window.open(url, "_blank", "noopener");
    showPaymentStatus("processing", url);
    if (simulated) els.payStatus.append(" (test checkout, no real money)");
    followPayment(url);
  } catch (error) {
    showNotice(error.message);
    if (current) renderState(current);
  }
}

els.form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = els.message.value.trim();
  if (busy || text === "") return;
  els.message.value = "";
  autosize();
  sendMessage(text);
});

els.message.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    els.form.requestSubmit();
  }
});

function autosize() {
  els.message.style.height = "auto";
  els.message.style.height = `${Math.min(els.message.scrollHeight, 160)}px`;
}
els.message.addEventListener("input", autosize);

els.tips.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-percent]");
  if (!button || !current) return;
  const percent = Number(button.dataset.percent);
  try {
    const { state } = await api.setTip(current.tipPercent === percent ? null : percent);
    renderState(state);
  } catch (error) {
    showNotice(error.message);
  }
});

els.pay.addEventListener("click", startPayment);
els.noticeClose.addEventListener("click", hideNotice);

els.reset.addEventListener("click", async () => {
  try {
    const { state } = await api.resetConversation();
    for (const item of [...els.log.children].slice(1)) item.remove();
    hideNotice();
    setEmotion("neutral");
    renderState(state);
    els.message.focus();
  } catch (error) {
    showNotice(error.message);
  }
});

window.addEventListener("focus", () => {
  if (current?.paymentStatus === "processing") followPayment();
});

api
  .getState()
  .then(renderState)
  .catch((error) => showNotice(error.message));

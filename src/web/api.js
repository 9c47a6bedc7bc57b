// The page's only way to talk to the server: same-origin JSON and a streamed chat.

export class ApiError extends Error {
  constructor(status, code, message, retryAfter) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

async function failure(response) {
  let body = {};
  try {
    body = await response.json();
  } catch {
    // not JSON: fall through to a generic sentence
  }
  const retryAfter = Number(response.headers.get("retry-after")) || undefined;
  return new ApiError(
    response.status,
    body.error ?? "http_error",
    body.message ?? "Something went wrong behind the bar. Please try again.",
    retryAfter,
  );
}

async function request(method, path, body) {
  const init = { method, headers: { accept: "application/json" }, credentials: "same-origin" };
  if (body !== undefined) {
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) throw await failure(response);
  return response.json();
}

export const getState = () => request("GET", "/api/state");
export const setTip = (percent) => request("POST", "/api/tip", { percent });
export const pay = () => request("POST", "/api/pay", {});
export const paymentStatus = () => request("GET", "/api/pay/status");
export const resetConversation = () => request("POST", "/api/reset", {});

/** Splits a server-sent-event stream into `{ event, data }` records. */
async function* readEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end = buffer.indexOf("\n\n");
    while (end !== -1) {
      const record = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message";
      const data = [];
      for (const line of record.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length > 0) yield { event, data: JSON.parse(data.join("\n")) };
      end = buffer.indexOf("\n\n");
    }
  }
}

/**
 * Sends a chat message and streams Maya's reply: `onChunk(text)` for each
 * checked sentence as it arrives; resolves with the final `{ reply, emotion, blocked, state }`.
 */
export async function chat(message, onChunk) {
  const response = await fetch("/api/chat", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ message }),
  });
  if (!response.ok) throw await failure(response);
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith("text/event-stream")) return response.json();
  for await (const { event, data } of readEvents(response.body)) {
    if (event === "chunk") onChunk(data.text);
    else if (event === "done") return data;
    else if (event === "error") throw new ApiError(500, data.error, data.message);
  }
  throw new ApiError(502, "stream_ended", "The reply was cut off. Please try again.");
}

/**
 * A broken dependency, not a guest's mistake: the store's backend did not answer
 * in time or refused. Servers map it to 503; nothing was written.
 */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";
  readonly code = "store_unavailable";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The store was closed; using it afterwards is a bug in the caller. */
export class StoreClosedError extends Error {
  override name = "StoreClosedError";
}

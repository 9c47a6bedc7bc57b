import { openStore } from "../../src/state/index.ts";
import { fakeClock, storeContract } from "./contract.ts";

storeContract("memory", async () => {
  const clock = fakeClock();
  return {
    open: (options) => openStore("memory:", { now: clock.now, ...options }),
    advance: clock.advance,
    close: async () => {},
  };
});

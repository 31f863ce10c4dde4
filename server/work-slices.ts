/** Lets the event loop run (socket frames, timers, I/O) before the caller goes on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * For long work done in small units: the returned function yields to the event loop once
 * `budgetMs` of work has run since the last yield, and otherwise returns at once.
 */
export function sliceBudget(budgetMs = 4): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await yieldToEventLoop();
    since = performance.now();
  };
}

/**
 * Resolves in a task of its own (after the current one and what it queued): the way the widgets
 * split their work — evaluating, first render, checking an answer, rendering it — so the browser
 * can paint and answer input between the parts instead of running them as one long task.
 */
export const nextTask = (): Promise<void> => new Promise((r) => setTimeout(r));

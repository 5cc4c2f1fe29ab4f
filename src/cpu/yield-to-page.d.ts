/**
 * Resolves in a task of its own, after the page has had its turn: the CPU backend computes on
 * the page's thread, and awaiting this between chunks lets the page draw the chart, answer a
 * click on Stop and run other elements. A message, not setTimeout: nested timeouts are
 * clamped to 4 ms, which 20 epochs of 1 chunk each would pay 20 times.
 *
 * @example
 * for (const chunk of chunks) { compute(chunk); await yieldToPage(); }
 */
export declare function yieldToPage(): Promise<void>;

/**
 * Resolves in a task of its own, after the page has had its turn: the CPU backend computes on
 * the page's thread, and awaiting this between chunks lets the page draw the chart, answer a
 * click on Stop and run other elements. A message, not setTimeout: nested timeouts are
 * clamped to 4 ms, which 20 epochs of 1 chunk each would pay 20 times.
 *
 * @example
 * // given: const chunks: Float32Array[], compute: (chunk: Float32Array) => void
 * for (const chunk of chunks) { compute(chunk); await yieldToPage(); }
 */
export function yieldToPage(): Promise<void> {
  // Node (tests, scripts) has no page, and a MessagePort there costs a libuv round trip: setImmediate is the same turn, cheaply.
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (immediate) return new Promise((resolve) => immediate(() => resolve()));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

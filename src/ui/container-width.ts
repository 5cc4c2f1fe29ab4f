/**
 * A chart container's width, kept from its ResizeObserver, where the layout is already fresh:
 * read from clientWidth whenever a chart was made again (the what-ifs' curves arriving), it
 * forced a layout of the whole element in that task (16-21 ms of 48-53, digits, SwiftShader).
 *
 * @example
 * // given: const container: HTMLElement, plot: uPlot
 * const width = new ContainerWidth(container, (px) => plot.setSize({ width: px, height: 200 }));
 * width.px;            // at least 240
 * width.disconnect();
 */
export class ContainerWidth {
  private known: number | null = null;
  private readonly observer: ResizeObserver;

  constructor(
    private readonly container: HTMLElement,
    onResize: (px: number) => void,
  ) {
    this.observer = new ResizeObserver(() => {
      this.known = container.clientWidth;
      onResize(this.px);
    });
    this.observer.observe(container);
  }

  /** The width to draw at: the container's, read before the first observation. */
  get px(): number {
    return Math.max(240, Math.floor((this.known ?? this.container.clientWidth) || 480));
  }

  disconnect(): void {
    this.observer.disconnect();
  }
}

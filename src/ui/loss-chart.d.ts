import { type EpochStats } from '../train/engine';
export interface ChartLabels {
    title: string;
    epoch: string;
    stepLoss: string;
    trainLoss: string;
    validLoss: string;
    errorRate: string;
    best: string;
    loss: string;
    /** The seed band's edges in the legend. */
    seedsLow: string;
    seedsHigh: string;
}
/** What the chart draws beside the run: labelled what-if curves and every seed's history. */
export interface ChartOverlay {
    ghosts: {
        label: string;
        history: EpochStats[];
    }[];
    seeds: EpochStats[][];
}
export interface ChartColors {
    train: string;
    valid: string;
    accent: string;
    foreground: string;
    background: string;
    font: string;
}
/**
 * The colours in force on `element`: styles.ts resolves each --tp-* property, or the theme's
 * default, into a private --_* property, so this reads the value after the theme applied.
 */
export declare function readColors(element: Element): ChartColors;
export declare const CHART_HEIGHT = 260;
/** Fixed axis widths, the same on both charts, so their plots line up epoch for epoch. */
export declare const LEFT_AXIS_SIZE = 56;
export declare const RIGHT_AXIS_SIZE = 44;
export declare class LossChart {
    private readonly container;
    private readonly options;
    private plot;
    private frame;
    private extent;
    private pending;
    /** The overlay's series (ghost labels, band or not): a change rebuilds the plot. */
    private overlayKey;
    private overlay;
    private readonly resize;
    constructor(container: HTMLElement, options: {
        classification: boolean;
        labels: ChartLabels;
        colors: ChartColors;
        /** The epoch under the cursor (on this chart or the strip), or null when it leaves. */
        onCursor?: (epoch: number | null) => void;
        /** Charts with the same key share their cursor: one element's loss chart and strip, no other element's. */
        syncKey?: string;
    });
    /** The run's length: the x axis spans it from the start, whatever has been trained so far. */
    private epochs;
    /** Queues the history (and what is drawn beside it) for the next animation frame; only the latest is drawn. */
    update(history: EpochStats[], overlay?: ChartOverlay, epochs?: number): void;
    private draw;
    /** The columns this chart has (regression charts have no error-rate series at all), and the loss axis's extent. */
    private columns;
    /** Draws everything queued now: for a frozen final picture and for exports. */
    flush(): void;
    /** The chart with its title and legend, as a PNG. */
    toPNG(): Promise<Blob>;
    destroy(): void;
    private width;
    private create;
    /** uPlot's legend toggles series on click; let Enter and Space do the same from the keyboard. */
    private makeLegendKeyboardOperable;
}

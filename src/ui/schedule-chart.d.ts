import { type RunConfig } from '../train/engine';
import { type ChartColors } from './loss-chart';
export interface ScheduleLabels {
    title: string;
    epoch: string;
    lr: string;
    momentum: string;
}
export declare const STRIP_HEIGHT = 120;
/** The schedule's (epoch, lr, momentum) columns over `epochs`, each step at its fraction of the run. */
export declare function scheduleColumns(config: RunConfig): [number[], number[], number[]];
export declare class ScheduleChart {
    private readonly container;
    /** syncKey: the loss chart's, so both share one cursor. */
    private readonly options;
    private plot;
    private epochs;
    private maxLr;
    private key;
    private readonly resize;
    constructor(container: HTMLElement, 
    /** syncKey: the loss chart's, so both share one cursor. */
    options: {
        labels: ScheduleLabels;
        colors: ChartColors;
        classification: boolean;
        syncKey: string;
    });
    /** Draws the schedule `config` would train with; the same settings draw nothing new. */
    update(config: RunConfig, xMax?: number): void;
    destroy(): void;
    private width;
    private create;
}

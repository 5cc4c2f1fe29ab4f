/**
 * `<tp-line-panel>`: line's picture in motion. Epochs arrive at GPU speed; the panel replays
 * them at a learner's pace (speed 1: 50 epochs a second, so a 100-epoch run plays over about
 * 2 s; 4: four times that; instant: the last epoch at once, as under prefers-reduced-motion),
 * as the fitted line (view "data") or as the path over the loss surface ("parameters"). A
 * new run starts its animation from the start; `scrub` (an epoch hovered on the chart) shows
 * that epoch until it is cleared. It renders into the playground's shadow root (no shadow of
 * its own), so the playground's styles apply, and only it re-renders on animation frames.
 *
 * @example
 * html`<tp-line-panel .points=${preview} .path=${parameterPath(history)} .run=${runId} view="data" speed="1"></tp-line-panel>`
 */
import { LitElement, nothing, type PropertyValues } from 'lit';
import { type ParameterViewLabels, type SurfacePicture } from './parameter-view';
export type Speed = '1' | '4' | 'instant';
export declare const SPEEDS: Speed[];
export type View = 'data' | 'parameters';
export declare const VIEWS: View[];
export interface LinePanelLabels extends ParameterViewLabels {
    line: string;
    replay: string;
    epochShown: (epoch: number, epochs: number) => string;
}
export declare class LinePanel extends LitElement {
    points: {
        x: number[];
        y: number[];
    };
    /** (−1, 1), then (a, b) after each epoch so far. */
    path: [number, number][];
    /** Changes with every run: the animation starts over. */
    run: number;
    view: View;
    speed: Speed;
    surface: SurfacePicture | null;
    optimum: [number, number] | null;
    /** The epoch hovered on the loss chart (0: the start), or null. */
    scrub: number | null;
    labels: LinePanelLabels;
    /** The path index the animation has reached, fractional between frames. */
    private frame;
    private raf;
    private last;
    private readonly reducedMotion;
    protected createRenderRoot(): HTMLElement;
    /** Whether the replay is still catching up with the epochs that have arrived. */
    get animating(): boolean;
    /** Plays the run again from its start. */
    replay(): void;
    disconnectedCallback(): void;
    protected willUpdate(changed: PropertyValues<this>): void;
    protected updated(): void;
    private get instant();
    private get shown();
    private play;
    private halt;
    private readonly tick;
    protected render(): import("lit-html").TemplateResult<1> | typeof nothing;
}
declare global {
    interface HTMLElementTagNameMap {
        'tp-line-panel': LinePanel;
    }
}

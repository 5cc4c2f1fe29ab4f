/**
 * The element's styles. Each public --tp-* property, when the page sets it, wins over the
 * theme's default; the resolved value lives in a private --_* property that the canvas reads.
 */
import { css, unsafeCSS } from 'lit';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import { modelPanelStyles } from './panels/model-panel';
import { photoBoardStyles } from './panels/photo-board-panel';

export const styles = [
  unsafeCSS(uplotCss),
  css`
    :host {
      /* Beats the user-agent [hidden] rule: the hidden attribute here means hidden layers. */
      display: block;
      contain: content;
    }
    .root {
      --_train: var(--tp-train-color, #2563eb);
      --_valid: var(--tp-valid-color, #c2410c);
      --_accent: var(--tp-accent, #6d28d9);
      --_bg: var(--tp-background, #ffffff);
      --_fg: var(--tp-foreground, #1f2937);
      --_muted: color-mix(in srgb, var(--_fg) 65%, var(--_bg));
      --_border: color-mix(in srgb, var(--_fg) 18%, var(--_bg));
      --_font: var(--tp-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
      font-family: var(--_font);
      color: var(--_fg);
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: 8px;
      padding: 16px;
      display: grid;
      gap: 12px;
      font-size: 14px;
      line-height: 1.4;
    }
    .root[data-theme='dark'] {
      --_train: var(--tp-train-color, #60a5fa);
      --_valid: var(--tp-valid-color, #fb923c);
      --_accent: var(--tp-accent, #c4b5fd);
      --_bg: var(--tp-background, #111827);
      --_fg: var(--tp-foreground, #e5e7eb);
      color-scheme: dark;
    }
    header {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    h2 {
      font-size: 16px;
      margin: 0;
      flex: 1;
    }
    .badge {
      font-size: 12px;
      padding: 2px 8px;
      border-radius: 999px;
      border: 1px solid var(--_accent);
      color: var(--_fg);
    }
    .notice {
      border-left: 3px solid var(--_valid);
      padding: 6px 10px;
      background: color-mix(in srgb, var(--_valid) 10%, var(--_bg));
      display: flex;
      gap: 8px;
      align-items: start;
    }
    .notice p {
      margin: 0;
      flex: 1;
    }
    [part='controls'] {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
      gap: 10px 16px;
      align-items: end;
    }
    .control {
      display: grid;
      gap: 2px;
    }
    /* Each control spans two rows of the controls' grid, its label's and its input's, so a
       label that wraps (Portuguese's "Taxa de aprendizado máxima (max_lr)") or a taller number
       box leaves every label of the row on one line and every input on the next. */
    div.control {
      grid-row: span 2;
      grid-template-rows: subgrid;
      row-gap: 2px;
    }
    div.control > :only-child {
      grid-row: 2;
      align-self: center;
    }
    div.control > input,
    div.control > select {
      align-self: center;
    }
    fieldset.control {
      grid-row: span 2;
    }
    .control label {
      display: flex;
      justify-content: space-between;
      align-items: last baseline;
      gap: 8px;
    }
    .control output {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    input[type='range'] {
      width: 100%;
      accent-color: var(--_accent);
    }
    input:not([type='range']):not([type='checkbox']),
    select {
      font: inherit;
      color: inherit;
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: 4px;
      padding: 3px 6px;
    }
    .actions {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    button,
    .file-button {
      font: inherit;
      color: var(--_bg);
      background: var(--_accent);
      border: 1px solid var(--_accent);
      border-radius: 4px;
      padding: 4px 12px;
      cursor: pointer;
    }
    button.secondary,
    .file-button.secondary {
      color: var(--_fg);
      background: transparent;
      border-color: var(--_border);
    }
    button:focus-visible,
    input:focus-visible,
    select:focus-visible,
    .u-series:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    .progress {
      flex: 1;
      min-width: 120px;
      height: 6px;
      border-radius: 3px;
      background: var(--_border);
      overflow: hidden;
    }
    .progress span {
      display: block;
      height: 100%;
      background: var(--_accent);
    }
    .status {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .panels {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
      gap: 12px;
    }
    @media (max-width: 640px) {
      .panels {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    [part='chart'] {
      min-width: 0;
      margin: 0;
    }
    .uplot,
    .u-legend {
      font-family: var(--_font);
      color: var(--_fg);
    }
    .u-legend .u-series {
      cursor: pointer;
    }
    /* A tip over the loss chart's what-if curve under the cursor: its change and its final loss. */
    .ghost-tip {
      position: absolute;
      top: 0;
      left: 0;
      z-index: 2;
      pointer-events: none;
      padding: 4px 6px;
      border: 1px solid var(--_border);
      border-radius: 4px;
      background: var(--_bg);
      color: var(--_fg);
      font-size: 12px;
      line-height: 1.35;
      white-space: nowrap;
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15);
    }
    [part='view'] svg {
      width: 100%;
      height: auto;
    }
    .point {
      fill: var(--_train);
      fill-opacity: 0.7;
    }
    .fit {
      stroke: var(--_valid);
      stroke-width: 2.5;
    }
    .axis {
      stroke: var(--_border);
    }
    .equation {
      fill: var(--_fg);
      font-size: 12px;
    }
    .view-choice {
      display: flex;
      gap: 4px;
      margin-bottom: 6px;
    }
    .view-choice button[aria-pressed='true'] {
      background: var(--_accent);
      color: var(--_bg);
      border-color: var(--_accent);
    }
    tp-line-panel {
      display: block;
    }
    .panel-row {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      min-height: 28px;
    }
    .parameters .contour {
      fill: none;
      stroke: #ffffff;
      stroke-opacity: 0.55;
      stroke-width: 0.8;
    }
    .parameters .tick {
      fill: var(--_fg);
      font-size: 10px;
    }
    .parameters .truth circle,
    .parameters .optimum circle {
      fill: none;
      stroke: #111827;
      stroke-width: 2;
    }
    .parameters .optimum circle {
      stroke-dasharray: 2 2;
    }
    .parameters .truth text,
    .parameters .optimum text {
      fill: #111827;
      font-size: 10px;
      paint-order: stroke;
      stroke: #ffffff;
      stroke-width: 3px;
    }
    .parameters .path,
    .parameters .path-halo {
      fill: none;
      stroke-linejoin: round;
    }
    .parameters .path {
      stroke: #dc2626;
      stroke-width: 1.8;
    }
    .parameters .path-halo {
      stroke: #ffffff;
      stroke-width: 3.5;
      stroke-opacity: 0.8;
    }
    .parameters .path-start {
      fill: #ffffff;
      stroke: #dc2626;
    }
    .parameters .path-here,
    .parameters .path-arrow {
      fill: #dc2626;
      stroke: #ffffff;
    }
    .schedule-host {
      margin-top: 4px;
    }
    .compare {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-top: 6px;
      font-size: 13px;
    }
    .compare select {
      min-width: 0;
      max-width: 100%;
    }
    .planar {
      margin: 0;
    }
    .planar .planar-frame {
      fill: var(--_bg);
      stroke: var(--_border);
    }
    .planar-axes line,
    .planar-key line {
      stroke: var(--_muted);
    }
    .planar-axes text,
    .planar-key text {
      fill: var(--_muted);
      font-size: 10px;
      font-variant-numeric: tabular-nums;
    }
    .planar .axis-name {
      fill: var(--_fg);
      font-size: 11px;
    }
    .planar-error {
      fill: var(--_fg);
      font-size: 12px;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    tp-network {
      display: block;
      margin-top: 8px;
      overflow-x: auto;
    }
    .network {
      margin: 0;
    }
    .net-area {
      position: relative;
    }
    .net-area svg {
      position: absolute;
      inset: 0;
      width: auto;
    }
    .net-node,
    .net-box {
      position: absolute;
      width: 26px;
      box-sizing: border-box;
      border: 1px solid var(--_border);
      border-radius: 3px;
    }
    .net-node {
      height: 26px;
      image-rendering: auto;
    }
    .net-box {
      display: grid;
      place-items: center;
      font-size: 10px;
      background: var(--_bg);
      writing-mode: vertical-rl;
    }
    .toggle {
      display: flex;
      gap: 6px;
      align-items: center;
      margin-top: 4px;
    }
    fieldset.features {
      border: 1px solid var(--_border);
      border-radius: 4px;
      margin: 0;
      padding: 2px 6px 4px;
      display: flex;
      flex-wrap: wrap;
      gap: 2px 10px;
    }
    fieldset.features legend {
      padding: 0 2px;
    }
    fieldset.features label {
      display: flex;
      gap: 3px;
      align-items: center;
    }
    .digits {
      margin: 0;
      display: grid;
      grid-template-columns: repeat(8, minmax(0, 1fr));
      gap: 4px;
    }
    .digit {
      display: grid;
      justify-items: center;
      border: 2px solid transparent;
      border-radius: 4px;
      font-size: 12px;
    }
    .digit span {
      overflow-wrap: anywhere;
      text-align: center;
    }
    .digits.named {
      grid-template-columns: repeat(auto-fill, minmax(52px, 1fr));
    }
    .digits.named .digit {
      font-size: 11px;
      line-height: 1.15;
    }
    .digits.named .digit span {
      overflow-wrap: normal;
    }
    .digit rect,
    .loss-photo rect,
    .cell-photo rect {
      fill: var(--_fg);
    }
    .digit.wrong {
      border-color: var(--_valid);
      color: var(--_valid);
      font-weight: 700;
    }
    .results {
      display: grid;
      gap: 10px;
      margin-top: 10px;
    }
    .results figure {
      margin: 0;
    }
    .results figcaption {
      color: var(--_muted);
      margin-bottom: 4px;
    }
    .confusion-grid {
      display: grid;
      gap: 2px;
      font-size: 11px;
      overflow-x: auto;
    }
    .confusion-grid .col-name,
    .confusion-grid .row-name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      color: var(--_muted);
    }
    .confusion-grid .col-name {
      writing-mode: vertical-rl;
      transform: rotate(180deg);
      max-height: 6em;
    }
    .confusion-grid .row-name {
      text-align: end;
    }
    .cell {
      font: inherit;
      color: var(--_fg);
      min-height: 2em;
      min-width: 0;
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: 3px;
      background: color-mix(in srgb, var(--_train) var(--shade), var(--_bg));
    }
    .cell.wrong {
      background: color-mix(in srgb, var(--_valid) var(--shade), var(--_bg));
    }
    .cell[aria-pressed='true'] {
      outline: 2px solid var(--_accent);
    }
    .cell-photos,
    .loss-photos {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(48px, 1fr));
      gap: 4px;
    }
    .loss-photos {
      grid-template-columns: repeat(3, 1fr);
    }
    .loss-photo {
      display: grid;
      justify-items: center;
      font-size: 11px;
      text-align: center;
    }
    .loss-photo svg,
    .cell-photo svg {
      width: 100%;
      max-width: 84px;
    }
    .top-losses table {
      font-size: 12px;
      border-collapse: collapse;
    }
    .top-losses th {
      text-align: start;
      padding-right: 8px;
      font-weight: 400;
      color: var(--_muted);
    }
    .class-errors {
      margin: 0;
      display: grid;
      gap: 6px;
    }
    .class-errors figcaption {
      color: var(--_muted);
    }
    .bar-row {
      display: grid;
      grid-template-columns: 6em 1fr 4.5em;
      gap: 6px;
      align-items: center;
    }
    .bar {
      height: 10px;
      background: var(--_border);
      border-radius: 5px;
      overflow: hidden;
    }
    .bar-fill {
      display: block;
      height: 100%;
      background: var(--_valid);
    }
    [part='diagnosis'] {
      border-radius: 6px;
      padding: 8px 12px;
      background: color-mix(in srgb, var(--_accent) 10%, var(--_bg));
    }
    /* Green for a healthy run only: one that did not learn keeps the neutral panel. */
    [part='diagnosis'][data-code='ok']:not([data-stuck='true']) {
      background: color-mix(in srgb, #16a34a 12%, var(--_bg));
    }
    [part='diagnosis'] h3 {
      font-size: 13px;
      margin: 0 0 2px;
    }
    [part='diagnosis'] p {
      margin: 0;
    }
    [part='diagnosis'] .testing {
      margin-top: 4px;
      opacity: 0.8;
      font-size: 13px;
    }
    [part='diagnosis'] .try {
      margin-top: 8px;
    }
    [part='filters'] {
      margin: 8px 0 0;
      font-size: 12px;
    }
    [part='filters'] figcaption {
      margin-bottom: 4px;
    }
    .filter-row {
      display: flex;
      flex-wrap: wrap;
      gap: 2px;
      align-items: center;
      margin-bottom: 4px;
    }
    .filter-row > span:first-child {
      flex-basis: 100%;
      display: flex;
      gap: 6px;
      align-items: center;
    }
    .filter svg {
      width: 18px;
      height: 18px;
      display: block;
    }
    .map svg,
    .filter-photo svg {
      width: 28px;
      height: 28px;
      display: block;
    }
    [part='code'] {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    [part='code'] code {
      flex: 1;
      white-space: pre-wrap;
      font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
      background: color-mix(in srgb, var(--_fg) 6%, var(--_bg));
      padding: 4px 8px;
      border-radius: 4px;
    }
    .lr-find {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
    }
    .lr-find svg {
      width: min(100%, 420px);
      height: auto;
    }
    .lr-find path {
      fill: none;
      stroke: var(--_train);
      stroke-width: 2;
    }
    .lr-find .suggestion {
      stroke: var(--_valid);
      stroke-dasharray: 4 3;
    }
    .lr-find text {
      fill: var(--_fg);
      font-size: 11px;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    @media (prefers-reduced-motion: reduce) {
      * {
        transition: none !important;
      }
    }
  `,
  modelPanelStyles,
  photoBoardStyles,
];

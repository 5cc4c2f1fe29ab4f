/**
 * What the loss chart draws for its what-if curves beyond uPlot's lines, as a uPlot plugin:
 * on the canvas (so the PNG export and screenshots carry it), a marker where a ghost leaves the
 * run's axes with its final value beside it, and the cited ghost's final value at its end; in
 * the plot's overlay, a tip naming the ghost under the cursor, its change in words and its
 * final validation loss.
 *
 * @example
 * import uPlot from 'uplot';
 * // given: const options: uPlot.Options, data: uPlot.AlignedData, host: HTMLElement, ghosts: LayerGhost[], labels: GhostLayerLabels
 * const layer = ghostLayer({ ghosts: () => ghosts, labels, lang: 'en', background: '#ffffff', font: 'system-ui, sans-serif', runSeries: [1, 2] });
 * new uPlot({ ...options, plugins: [layer] }, data, host); // series 1 and 2: the run's train and valid loss
 */
import uPlot from 'uplot';
import { formatLoss, type EpochStats, type Language } from '../engine/index';
import { withAlpha } from './chart-data';
import { clearOf, ghostExit, nearestGhost, spreadLabels, type Edge } from './ghost-marks';

export interface LayerGhost {
  /** The name in the legend ("evidence: …" for the cited one). */
  name: string;
  /** The change in words: "max_lr 10× larger (0.1)". */
  change: string;
  /** Infinity when it diverged. */
  finalValidLoss: number;
  history: EpochStats[];
  /** Full colour; faint ghosts are drawn at their style's alpha. */
  color: string;
  cited: boolean;
  /** Its series' index in the plot: a ghost hidden from the legend gets no marker. */
  series: number;
}

export interface GhostLayerLabels {
  /** "final valid loss 0.31". */
  ghostFinal: (loss: string) => string;
  ghostDiverged: string;
}

interface Options {
  ghosts: () => LayerGhost[];
  labels: GhostLayerLabels;
  lang: Language;
  background: string;
  font: string;
  /** The run's own series (train and valid loss): values are written clear of them. */
  runSeries: number[];
}

interface Point {
  x: number;
  y: number;
}

/** A mark drawn at an edge (or, for the cited ghost, at its line's end), in canvas pixels. */
interface Mark {
  ghost: LayerGhost;
  at: Point;
  edge: Edge | 'end';
  text: string;
}

const FONT_PX = 11;
const MARKER_PX = 5;
/** How near (CSS px) the cursor must come to a ghost's line for its tip to show. */
const REACH_PX = 8;

export function ghostLayer(options: Options): uPlot.Plugin {
  /** Each ghost's lines and marker in CSS pixels, as last drawn: what the cursor is compared with. */
  let hitAreas: { lines: Point[][]; marker: Point | null }[] = [];
  let tip: HTMLDivElement | null = null;
  const finalText = (ghost: LayerGhost) =>
    Number.isFinite(ghost.finalValidLoss) ? formatLoss(ghost.finalValidLoss, options.lang) : options.labels.ghostDiverged;

  const draw = (u: uPlot) => {
    const ghosts = options.ghosts();
    const { min: xMin, max: xMax } = u.scales.x!;
    const { min: yMin, max: yMax } = u.scales.y!;
    if (xMin == null || xMax == null || yMin == null || yMax == null) return;
    const box = { xMin, xMax, yMin, yMax };
    const marks: Mark[] = [];
    hitAreas = ghosts.map((ghost) => {
      const points = ghost.history.filter((h) => Number.isFinite(h.validLoss) && h.validLoss > 0).map((h) => ({ x: h.epoch, y: h.validLoss }));
      const shown = u.series[ghost.series]?.show !== false;
      const exit = ghostExit(points, box, !Number.isFinite(ghost.finalValidLoss));
      const last = points[points.length - 1];
      const canvas = (p: Point) => ({ x: u.valToPos(p.x, 'x', true), y: u.valToPos(p.y, 'y', true) });
      if (shown && exit) marks.push({ ghost, at: canvas(exit), edge: exit.edge, text: finalText(ghost) });
      // The cited ghost's final value is the number the message quotes: written where its line ends.
      else if (shown && ghost.cited && last) marks.push({ ghost, at: canvas(last), edge: 'end', text: finalText(ghost) });
      if (!shown) return { lines: [], marker: null };
      const css = (p: Point) => ({ x: u.valToPos(p.x, 'x'), y: u.valToPos(p.y, 'y') });
      return { lines: [points.map(css)], marker: exit ? css(exit) : null };
    });
    drawMarks(u, marks, options);
  };

  const hover = (u: uPlot) => {
    if (!tip) return;
    const { left, top } = u.cursor;
    const index = left == null || top == null || left < 0 ? -1 : nearestGhost({ x: left, y: top }, hitAreas, REACH_PX);
    const ghost = options.ghosts()[index];
    if (!ghost) {
      tip.hidden = true;
      return;
    }
    tip.replaceChildren();
    const name = document.createElement('strong');
    name.textContent = ghost.name;
    name.style.color = ghost.color;
    const change = document.createElement('div');
    change.textContent = ghost.change;
    const final = document.createElement('div');
    final.textContent = Number.isFinite(ghost.finalValidLoss) ? options.labels.ghostFinal(finalText(ghost)) : options.labels.ghostDiverged;
    tip.append(name, change, final);
    tip.hidden = false;
    // Beside the cursor, on the side with room.
    const width = tip.offsetWidth;
    const x = left! + 14 + width > u.over.clientWidth ? left! - 14 - width : left! + 14;
    tip.style.transform = `translate(${Math.max(0, x)}px, ${Math.max(0, top! - 10)}px)`;
  };

  return {
    hooks: {
      init: (u) => {
        tip = document.createElement('div');
        tip.className = 'ghost-tip';
        tip.hidden = true;
        tip.setAttribute('aria-hidden', 'true');
        u.over.append(tip);
      },
      draw,
      setCursor: hover,
      destroy: () => {
        tip?.remove();
        tip = null;
      },
    },
  };
}

/** The markers and values, spread along each edge so two ghosts leaving side by side stay readable. */
function drawMarks(u: uPlot, marks: Mark[], options: Options): void {
  if (!marks.length) return;
  const ctx = u.ctx;
  const px = (n: number) => n * uPlot.pxRatio;
  const { left, top, width, height } = u.bbox;
  ctx.save();
  ctx.textBaseline = 'middle';
  const font = (cited: boolean) => `${cited ? '600 ' : ''}${px(FONT_PX)}px ${options.font}`;
  const widths = marks.map((m) => {
    ctx.font = font(m.ghost.cited);
    return ctx.measureText(m.text).width;
  });
  // Where each value goes: along the right edge by height, along the top and bottom by width.
  const along = (edge: Mark['edge']) => marks.map((m, i) => ({ m, i })).filter(({ m }) => m.edge === edge);
  const spots = new Map<Mark, Point>();
  const right = along('right');
  const lineHeight = px(FONT_PX + 2);
  const clear = (m: Mark, y: number) => clearOf(y, runValuesAt(u, m.at.x, options.runSeries), lineHeight, top + lineHeight / 2, top + height - lineHeight / 2);
  spreadLabels(right.map(({ m }) => clear(m, m.at.y)), right.map(() => lineHeight), top + lineHeight / 2, top + height - lineHeight / 2).forEach((y, k) =>
    spots.set(right[k]!.m, { x: left + width - px(MARKER_PX + 4) - widths[right[k]!.i]!, y }),
  );
  for (const edge of ['top', 'bottom', 'left', 'end'] as const) {
    const group = along(edge);
    const wishes = group.map(({ m, i }) => (edge === 'end' ? m.at.x - px(6) - widths[i]! / 2 : m.at.x + px(MARKER_PX + 4) + widths[i]! / 2));
    spreadLabels(wishes, group.map(({ i }) => widths[i]! + px(4)), left, left + width).forEach((centre, k) => {
      const { m, i } = group[k]!;
      const y = edge === 'top' ? top + px(FONT_PX) : edge === 'bottom' ? top + height - px(FONT_PX) : clear(m, m.at.y - px(FONT_PX));
      spots.set(m, { x: centre - widths[i]! / 2, y });
    });
  }
  for (const mark of marks) {
    // The marker as faint as its line, or nearly; the value in full colour, to be read.
    ctx.fillStyle = withAlpha(mark.ghost.color, mark.ghost.cited ? 1 : 0.7);
    if (mark.edge === 'end') {
      ctx.beginPath();
      ctx.arc(mark.at.x, mark.at.y, px(3), 0, 2 * Math.PI);
      ctx.fill();
    } else {
      triangle(ctx, mark.at, mark.edge, px(MARKER_PX), { left, top, right: left + width, bottom: top + height });
    }
    const spot = spots.get(mark)!;
    ctx.font = font(mark.ghost.cited);
    ctx.lineWidth = px(3);
    ctx.strokeStyle = options.background;
    ctx.strokeText(mark.text, spot.x, spot.y);
    ctx.fillStyle = mark.ghost.color;
    ctx.fillText(mark.text, spot.x, spot.y);
  }
  ctx.restore();
}

/** The canvas heights of the run's curves at canvas x `at`: their last values at or before it. */
function runValuesAt(u: uPlot, at: number, series: number[]): number[] {
  const xs = u.data[0];
  const value = u.posToVal(at / uPlot.pxRatio, 'x');
  let idx = xs.length - 1;
  while (idx > 0 && xs[idx]! > value) idx--;
  const heights: number[] = [];
  for (const s of series) {
    const column = u.data[s];
    if (!column || u.series[s]?.show === false) continue;
    for (let i = idx; i >= 0; i--) {
      const v = column[i];
      if (v != null) {
        heights.push(u.valToPos(v, 'y', true));
        break;
      }
    }
  }
  return heights;
}

/** A triangle inside the plot with its tip on the edge, pointing out the way the ghost went. */
function triangle(ctx: CanvasRenderingContext2D, at: Point, edge: Edge, size: number, plot: { left: number; top: number; right: number; bottom: number }): void {
  const x = Math.min(plot.right, Math.max(plot.left, at.x));
  const y = Math.min(plot.bottom, Math.max(plot.top, at.y));
  const [dx, dy] = edge === 'right' ? [1, 0] : edge === 'left' ? [-1, 0] : edge === 'top' ? [0, -1] : [0, 1];
  const back = { x: x - dx * size * 1.6, y: y - dy * size * 1.6 };
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(back.x + dy * size, back.y + dx * size);
  ctx.lineTo(back.x - dy * size, back.y - dx * size);
  ctx.closePath();
  ctx.fill();
}

/**
 * A loss surface as an image: each grid value's log mapped onto a perceptual ramp (low loss
 * bright, high loss dark), painted on a canvas once per surface and kept as a data URL for
 * the SVG that draws the rest of the parameter view on top; and the two things every picture
 * view shares: painting pixels to a PNG (pixelImage) and keeping it while its data lives
 * (drawnOnce).
 *
 * @example
 * // given: const surface: Float32Array
 * const href = heatmapImage(surface, 128, 128);   // <image href=${href}>
 */

/** viridis's ends and three stops between, reversed: the valley (low loss) is the bright part. */
const RAMP: [number, number, number][] = [
  [253, 231, 37],
  [94, 201, 98],
  [33, 145, 140],
  [59, 82, 139],
  [68, 1, 84],
];

/** The ramp's colour at t ∈ [0, 1]. */
export function rampColor(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - i;
  const [c0, c1] = [RAMP[i]!, RAMP[i + 1]!];
  return [0, 1, 2].map((k) => Math.round(c0[k]! + f * (c1[k]! - c0[k]!))) as [number, number, number];
}

/**
 * One canvas paints every picture: with a canvas and a 2-D context each, 30 pictures of
 * 28 × 28 took 9–60 ms of the page (Chromium on SwiftShader), through one canvas 2–3 ms.
 */
let painter: HTMLCanvasElement | undefined;

/** A cols × rows picture, pixel i (row-major) in colorAt(i), as a PNG data URL ('' without a 2-D canvas). */
export function pixelImage(cols: number, rows: number, colorAt: (i: number) => [number, number, number]): string {
  const canvas = (painter ??= document.createElement('canvas'));
  canvas.width = cols;
  canvas.height = rows;
  const context = canvas.getContext('2d');
  if (!context) return '';
  putPixels(context, cols, rows, colorAt);
  return canvas.toDataURL('image/png');
}

/**
 * Pixel i (row-major) of the context's top-left cols × rows in colorAt(i), opaque, each byte
 * written in place (a pixel through a new four-element array made tasks of 100 ms and more).
 *
 * @example
 * // given: const context: CanvasRenderingContext2D
 * putPixels(context, 25, 25, (i) => (i % 2 ? [255, 255, 255] : [0, 0, 0]));   // a checkerboard
 */
export function putPixels(context: CanvasRenderingContext2D, cols: number, rows: number, colorAt: (i: number) => [number, number, number]): void {
  const image = context.createImageData(cols, rows);
  const bytes = image.data;
  for (let i = 0; i < cols * rows; i++) {
    const [r, g, b] = colorAt(i);
    bytes[4 * i] = r;
    bytes[4 * i + 1] = g;
    bytes[4 * i + 2] = b;
    bytes[4 * i + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

/**
 * `draw(key)`, drawn once for as long as `key` lives: a picture painted from a photo or a
 * readback, which the element renders again with every epoch (painting it each time made
 * main-thread tasks of 100–250 ms beside a WebGPU run).
 *
 * @example
 * const pictures = new WeakMap<Float32Array, string>();
 * // given: const grid: Float32Array
 * const href = drawnOnce(pictures, grid, (g) => heatmapImage(g, 128, 128));   // the same string next time, unpainted
 */
export function drawnOnce<K extends object, V>(cache: WeakMap<K, V>, key: K, draw: (key: K) => V): V {
  let drawn = cache.get(key);
  if (drawn === undefined) cache.set(key, (drawn = draw(key)));
  return drawn;
}

export function heatmapImage(values: ArrayLike<number>, cols: number, rows: number): string {
  const logs = Array.from(values, (v) => (v > 0 && Number.isFinite(v) ? Math.log(v) : NaN));
  const finite = logs.filter(Number.isFinite);
  const lo = Math.min(...finite);
  const span = Math.max(...finite) - lo || 1;
  // A value too large for float32 is the darkest there is.
  return pixelImage(cols, rows, (i) => rampColor(Number.isFinite(logs[i]!) ? (logs[i]! - lo) / span : 1));
}

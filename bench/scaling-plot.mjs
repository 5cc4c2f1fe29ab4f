// The scaling run as a log-log SVG: ms per epoch against the line's rows (left) and against
// the MLP's FLOP per epoch (right), a line per contender (and per batch for the MLP), so a
// reader sees where each backend wins. Also fits the cost model the notes state:
// ms = overhead · steps + FLOP / throughput, per contender, by least squares.
//
// Example: writeFileSync('bench/results/scaling.svg', scalingSvg(rows));

const COLORS = { 'ours-webgpu': '#6d28d9', 'ours-cpu': '#0f766e', 'tfjs-cpu': '#b45309', 'tfjs-webgpu': '#be123c', 'tfjs-wasm': '#1d4ed8', 'jax-wasm': '#65a30d', 'jax-webgpu': '#db2777' };
const DASHES = { 64: '', 256: '5 3', 1024: '2 3' };
const W = 420;
const H = 300;
const PAD = { left: 56, right: 12, top: 28, bottom: 44 };

const log = Math.log10;
const ticks = (lo, hi) => Array.from({ length: Math.floor(hi) - Math.ceil(lo) + 1 }, (_, i) => Math.ceil(lo) + i);

function panel(title, xLabel, series, offsetX) {
  const points = series.flatMap((s) => s.points);
  const [x0, x1] = [Math.floor(log(Math.min(...points.map((p) => p.x)))), Math.ceil(log(Math.max(...points.map((p) => p.x))))];
  const [y0, y1] = [Math.floor(log(Math.min(...points.map((p) => p.y)))), Math.ceil(log(Math.max(...points.map((p) => p.y))))];
  const px = (x) => offsetX + PAD.left + ((log(x) - x0) / (x1 - x0 || 1)) * (W - PAD.left - PAD.right);
  const py = (y) => H - PAD.bottom - ((log(y) - y0) / (y1 - y0 || 1)) * (H - PAD.top - PAD.bottom);
  const grid = [
    ...ticks(x0, x1).map((t) => `<line x1="${px(10 ** t)}" y1="${PAD.top}" x2="${px(10 ** t)}" y2="${H - PAD.bottom}" class="grid"/><text x="${px(10 ** t)}" y="${H - PAD.bottom + 14}" text-anchor="middle">1e${t}</text>`),
    ...ticks(y0, y1).map((t) => `<line x1="${offsetX + PAD.left}" y1="${py(10 ** t)}" x2="${offsetX + W - PAD.right}" y2="${py(10 ** t)}" class="grid"/><text x="${offsetX + PAD.left - 4}" y="${py(10 ** t) + 4}" text-anchor="end">1e${t}</text>`),
  ];
  const lines = series.map((s) => {
    const d = s.points.map((p, i) => `${i ? 'L' : 'M'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
    const dots = s.points.map((p) => `<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="2.5" fill="${s.color}"/>`).join('');
    return `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="1.6" stroke-dasharray="${s.dash}"/>${dots}`;
  });
  return `<g><text x="${offsetX + W / 2}" y="16" text-anchor="middle" class="title">${title}</text>${grid.join('')}${lines.join('')}
    <text x="${offsetX + (W + PAD.left) / 2}" y="${H - 8}" text-anchor="middle">${xLabel}</text>
    <text transform="translate(${offsetX + 14},${H / 2}) rotate(-90)" text-anchor="middle">ms per epoch</text></g>`;
}

export function scalingSvg(rows) {
  const contenders = [...new Set(rows.map((r) => r.contender))];
  const line = contenders.map((c) => ({ color: COLORS[c] ?? '#333', dash: '', points: rows.filter((r) => r.series === 'line' && r.contender === c).map((r) => ({ x: r.size, y: r.msPerEpoch })) }));
  const batches = [...new Set(rows.filter((r) => r.series === 'mlp').map((r) => r.batch))];
  const mlp = contenders.flatMap((c) => batches.map((b) => ({
    color: COLORS[c] ?? '#333',
    dash: DASHES[b] ?? '',
    points: rows.filter((r) => r.series === 'mlp' && r.contender === c && r.batch === b).map((r) => ({ x: r.flops, y: r.msPerEpoch })),
  })));
  const legend = [
    ...contenders.map((c, i) => `<g transform="translate(${PAD.left + i * 108},${H + 10})"><line x1="0" y1="0" x2="22" y2="0" stroke="${COLORS[c] ?? '#333'}" stroke-width="2"/><text x="28" y="4">${c}</text></g>`),
    ...batches.map((b, i) => `<g transform="translate(${W + 120 + i * 95},${H + 10})"><line x1="0" y1="0" x2="22" y2="0" stroke="#333" stroke-dasharray="${DASHES[b] ?? ''}"/><text x="28" y="4">batch ${b}</text></g>`),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H + 24}" font-family="sans-serif" font-size="11">
  <style>.grid{stroke:#e5e7eb}.title{font-weight:bold;font-size:12px}text{fill:#111}</style>
  <rect width="100%" height="100%" fill="white"/>
  ${panel('line: full-batch SGD, one step an epoch', 'training rows', line, 0)}
  ${panel('MLP 64-w-10, w = 128…1024 (Adam)', 'FLOP per epoch', mlp, W)}
  ${legend.join('')}
</svg>
`;
}

/** Least squares of ms = overhead·steps + flops/throughput (no constant: both terms vanish with no work). */
export function fitCost(rows) {
  let [ss, sf, ff, st, ft] = [0, 0, 0, 0, 0];
  for (const r of rows) {
    const [s, f, t] = [r.steps, r.flops / 1e9, r.msPerEpoch];
    ss += s * s; sf += s * f; ff += f * f; st += s * t; ft += f * t;
  }
  const det = ss * ff - sf * sf;
  const overheadMs = (st * ff - ft * sf) / det;
  const msPerGflop = (ss * ft - sf * st) / det;
  return { overheadMsPerStep: overheadMs, gflopsPerSecond: 1000 / msPerGflop };
}

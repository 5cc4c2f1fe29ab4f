// 2-D convolution over NCHW images, stride 1, with KERNEL / 2 zeros around the edge so the
// output keeps the input's height × width (nn.Conv2d(…, padding=kernel // 2)); weights are
// out × in × KERNEL × KERNEL, PyTorch's layout.
//
// Each pass is a matrix product done in place ("implicit GEMM"), on the direct matmul's 8 × 8
// register block a thread (matmul.wgsl, bench/NOTES.md §19): one output element a thread ran
// at 5–7 % of the matmul's rate on SwiftShader, every product paying two loads and a bounds
// test. The im2col matrix is never written: its entries are gathered as they are loaded, zero
// outside the image, so no scratch buffer and no second dispatch.
// - conv2d: channels written × every pixel of the batch, summed over channels read × taps.
//   The backward for the input is the same product with the weights transposed (in ↔ out)
//   and their taps flipped, so the same kernel does it (BACKWARD_INPUT).
// - conv2d_weights_grad: channels out × (channels in × taps), summed over every pixel of the
//   batch: few outputs and a long sum, so a workgroup shares one block's sum between its
//   threads and adds their blocks in a fixed order (the same bits every run, no atomics).
//
// Rows and columns are u32: a tap above or left of the image wraps to a huge index, so one
// comparison with the height (width) rejects both edges; addresses wrap back likewise.

override KERNEL: u32 = 3u;  // odd
override HAS_BIAS: bool = false;
override BACKWARD_INPUT: bool = false;

struct ConvParams {
  batch: u32,
  channels_in: u32,   // summed over: the convolution's output channels when BACKWARD_INPUT
  channels_out: u32,
  height: u32,
  width: u32,
}

@group(0) @binding(0) var<uniform> params: ConvParams;
@group(0) @binding(1) var<storage, read> source: array<f32>;
@group(0) @binding(2) var<storage, read> weights: array<f32>;
@group(0) @binding(2) var<storage, read> grad_out: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(3) var<storage, read_write> grad_weights: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<storage, read_write> grad_bias: array<f32>;

// acc + the outer product of a (4 rows) and b (4 columns), as in matmul.wgsl.
fn outer(a: vec4f, b: vec4f, acc: mat4x4f) -> mat4x4f {
  return mat4x4f(fma(vec4f(a.x), b, acc[0]), fma(vec4f(a.y), b, acc[1]), fma(vec4f(a.z), b, acc[2]), fma(vec4f(a.w), b, acc[3]));
}

// Indices first … first + 3, clamped to count − 1: a block's rows or columns past the end
// repeat the last (read, then dropped at the store), so the sums need no bounds tests.
fn clamped(first: u32, count: u32) -> vec4u {
  return min(vec4u(first) + vec4u(0u, 1u, 2u, 3u), vec4u(count - 1u));
}

// The values at `at`, zero where `inside` is false (`at` is then a valid stand-in, read and dropped).
fn gather(at: vec4u, inside: vec4<bool>) -> vec4f {
  return select(vec4f(), vec4f(source[at.x], source[at.y], source[at.z], source[at.w]), inside);
}

fn weights4(at: vec4u) -> vec4f {
  return vec4f(weights[at.x], weights[at.y], weights[at.z], weights[at.w]);
}

fn grad_out4(at: vec4u) -> vec4f {
  return vec4f(grad_out[at.x], grad_out[at.y], grad_out[at.z], grad_out[at.w]);
}

// Each thread an 8 × 8 block: 8 channels written by 8 consecutive pixels of the batch (which
// may straddle two images). The sum runs over taps, then channels: a tap's edge test and
// addresses are worked out once for the 8 pixels and serve every channel, so the inner loop is
// the matmul's (8 + 8 loads, 64 fmas, offsets advanced by addition) and a select.
@compute @workgroup_size(WORKGROUP_SIZE)
fn conv2d(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let plane = params.height * params.width;
  let rows = params.channels_out;
  let cols = params.batch * plane;
  let octs = (cols + 7u) / 8u;
  let index = flat_index(id, groups);
  if (index >= ((rows + 7u) / 8u) * octs) { return; }
  let row = (index / octs) * 8u;
  let col = (index % octs) * 8u;
  let taps = KERNEL * KERNEL;
  let half = KERNEL / 2u;
  // Weight (row r, channel s, tap t) is weights[r * a_row + s * a_s + t], the tap flipped backward.
  let a_row = select(params.channels_in * taps, taps, BACKWARD_INPUT);
  let a_s = select(taps, rows * taps, BACKWARD_INPUT);
  let upper = clamped(row, rows) * a_row;
  let lower = clamped(row + 4u, rows) * a_row;
  let jl = clamped(col, cols);
  let jr = clamped(col + 4u, cols);
  let pl = jl % plane;
  let pr = jr % plane;
  let yl = pl / params.width; let xl = pl % params.width;
  let yr = pr / params.width; let xr = pr % params.width;
  // Each pixel in channel 0 of its image.
  let il = jl / plane * params.channels_in * plane + pl;
  let ir = jr / plane * params.channels_in * plane + pr;
  var c00: mat4x4f; var c01: mat4x4f; var c10: mat4x4f; var c11: mat4x4f;
  for (var t = 0u; t < taps; t++) {
    let dy = t / KERNEL - half;
    let dx = t % KERNEL - half;
    let inl = (yl + dy < vec4u(params.height)) & (xl + dx < vec4u(params.width));
    let inr = (yr + dy < vec4u(params.height)) & (xr + dx < vec4u(params.width));
    let shift = dy * params.width + dx;
    var atl = select(il, il + shift, inl);
    var atr = select(ir, ir + shift, inr);
    var ia = select(t, taps - 1u - t, BACKWARD_INPUT);
    for (var s = 0u; s < params.channels_in; s++) {
      let bl = gather(atl, inl);
      let br = gather(atr, inr);
      let au = weights4(upper + ia);
      let al = weights4(lower + ia);
      c00 = outer(au, bl, c00);
      c01 = outer(au, br, c01);
      c10 = outer(al, bl, c10);
      c11 = outer(al, br, c11);
      ia += a_s;
      atl += plane;
      atr += plane;
    }
  }
  // Copied out before the variable indices below, as in matmul.wgsl: a variable index into the
  // accumulators would put them in memory for the whole loop. Entry (r, q) of the block is
  // blocks[q / 4 * 2 + r / 4][r % 4][q % 4].
  var blocks = array(c00, c10, c01, c11);
  for (var q = 0u; q < 8u; q++) {
    let j = col + q;
    if (j >= cols) { break; }
    let at = j / plane * rows * plane + j % plane;
    for (var r = 0u; r < 8u; r++) {
      if (row + r >= rows) { break; }
      var value = blocks[q / 4u * 2u + r / 4u][r % 4u][q % 4u];
      if (HAS_BIAS) { value += bias[row + r]; }
      out[at + (row + r) * plane] = value;
    }
  }
}

// Threads of a conv2d_weights_grad workgroup, each summing a share of the pixels.
const SPLIT: u32 = 32u;

// Each thread's 8 × 8 block, then (HAS_BIAS) its 8 bias sums: [element * SPLIT + thread].
var<workgroup> shares: array<f32, 72u * SPLIT>;

// A workgroup an 8 × 8 block of the weights' gradient: 8 output channels by 8 (channel in,
// tap) columns. Its threads take the batch's image rows in turn, each summing its rows into
// a block of its own; the blocks then meet in workgroup memory and each sum is added up in
// thread order. A row's edge test and addresses are worked out once for the 8 columns; along
// the row only the column test remains. The bias gradient rides along: the same rows of
// grad_out summed, kept by the workgroups of the first columns.
@compute @workgroup_size(SPLIT)
fn conv2d_weights_grad(@builtin(local_invocation_id) local: vec3u, @builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let taps = KERNEL * KERNEL;
  let rows = params.channels_out;
  let cols = params.channels_in * taps;
  let octs = (cols + 7u) / 8u;
  let g = group.x + group.y * groups.x;
  if (g >= ((rows + 7u) / 8u) * octs) { return; }
  let row = (g / octs) * 8u;
  let col = (g % octs) * 8u;
  let half = KERNEL / 2u;
  let plane = params.height * params.width;
  let upper = clamped(row, rows) * plane;
  let lower = clamped(row + 4u, rows) * plane;
  let jl = clamped(col, cols);
  let jr = clamped(col + 4u, cols);
  // Each column's tap as a row and column offset (wrapped), and its channel's plane.
  let dyl = jl % taps / KERNEL - half; let dxl = jl % KERNEL - half;
  let dyr = jr % taps / KERNEL - half; let dxr = jr % KERNEL - half;
  let cl = jl / taps * plane;
  let cr = jr / taps * plane;
  var c00: mat4x4f; var c01: mat4x4f; var c10: mat4x4f; var c11: mat4x4f;
  var bu: vec4f; var bd: vec4f;
  for (var line = local.x; line < params.batch * params.height; line += SPLIT) {
    let n = line / params.height;
    let y = line % params.height;
    let yyl = y + dyl; let yyr = y + dyr;
    let rowl = yyl < vec4u(params.height);
    let rowr = yyr < vec4u(params.height);
    // Pixel (yy, 0) of each column's channel, then shifted by its tap's column offset.
    let il = n * params.channels_in * plane + cl + yyl * params.width + dxl;
    let ir = n * params.channels_in * plane + cr + yyr * params.width + dxr;
    var ia = n * rows * plane + y * params.width;
    for (var x = 0u; x < params.width; x++) {
      let inl = rowl & (vec4u(x) + dxl < vec4u(params.width));
      let inr = rowr & (vec4u(x) + dxr < vec4u(params.width));
      let bl = gather(select(vec4u(), il + x, inl), inl);
      let br = gather(select(vec4u(), ir + x, inr), inr);
      let au = grad_out4(upper + ia);
      let al = grad_out4(lower + ia);
      c00 = outer(au, bl, c00);
      c01 = outer(au, br, c01);
      c10 = outer(al, bl, c10);
      c11 = outer(al, br, c11);
      if (HAS_BIAS) { bu += au; bd += al; }
      ia += 1u;
    }
  }
  var blocks = array(c00, c10, c01, c11);
  var bias_sums = array(bu, bd);
  for (var e = 0u; e < 64u; e++) {
    shares[e * SPLIT + local.x] = blocks[e % 8u / 4u * 2u + e / 32u][e / 8u % 4u][e % 4u];
  }
  for (var r = 0u; r < 8u; r++) { shares[(64u + r) * SPLIT + local.x] = bias_sums[r / 4u][r % 4u]; }
  workgroupBarrier();
  for (var e = local.x; e < select(64u, 72u, HAS_BIAS && col == 0u); e += SPLIT) {
    var total = 0.0;
    for (var i = 0u; i < SPLIT; i++) { total += shares[e * SPLIT + i]; }
    let r = row + select(e / 8u, e - 64u, e >= 64u);
    if (r >= rows) { continue; }
    if (e >= 64u) {
      grad_bias[r] = total;
    } else if (col + e % 8u < cols) {
      grad_weights[r * cols + col + e % 8u] = total;
    }
  }
}

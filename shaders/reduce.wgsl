// Reductions: column sums (the bias gradient, or a mean over rows), and a whole-buffer sum
// written into one slot of an output, optionally the slot of the current training step so
// that per-step losses stay on the GPU until the epoch's single readback. Both take K models
// at once along the grid's z (column sums) or x (sums): model m's input follows model m − 1's,
// and its output sits out_stride further on.

struct SumRowsParams {
  rows: u32,
  cols: u32,
  scale: f32,
  out_stride: u32,
}

struct SumParams {
  count: u32,
  out_index: u32,
  at_step: u32,   // 1: write to out[out_index + step[0]]
  scale: f32,
  out_stride: u32,
  _pad0: u32,
  _pad1: u32,
  _pad2: u32,
}

@group(0) @binding(0) var<uniform> rows_params: SumRowsParams;
@group(0) @binding(1) var<storage, read> matrix: array<f32>;
@group(0) @binding(2) var<storage, read_write> column_sums: array<f32>;

@group(0) @binding(0) var<uniform> sum_params: SumParams;
@group(0) @binding(1) var<storage, read> values: array<f32>;
@group(0) @binding(2) var<storage, read> step: array<u32>;
@group(0) @binding(3) var<storage, read_write> sums: array<f32>;

// 64 threads: enough for the few thousand values a loss has, and few barriers.
const SUM_THREADS: u32 = 64u;

var<workgroup> partial: array<f32, SUM_THREADS>;

// out[j] = scale · Σ_i x[i, j]; four running sums per column keep long columns accurate.
@compute @workgroup_size(WORKGROUP_SIZE)
fn sum_rows(@builtin(global_invocation_id) id: vec3u) {
  let col = id.x;
  if (col >= rows_params.cols) { return; }
  var acc = vec4f(0.0);
  let cols = rows_params.cols;
  let base = id.z * rows_params.rows * cols + col;
  var row = 0u;
  for (; row + 4u <= rows_params.rows; row += 4u) {
    acc += vec4f(matrix[base + row * cols], matrix[base + (row + 1u) * cols],
                     matrix[base + (row + 2u) * cols], matrix[base + (row + 3u) * cols]);
  }
  for (; row < rows_params.rows; row++) { acc.x += matrix[base + row * cols]; }
  column_sums[id.z * rows_params.out_stride + col] = (acc.x + acc.y + acc.z + acc.w) * rows_params.scale;
}

// One workgroup: strided partial sums, then a tree in workgroup memory.
@compute @workgroup_size(SUM_THREADS)
fn sum(@builtin(local_invocation_id) local: vec3u, @builtin(workgroup_id) group: vec3u) {
  let model = group.x;
  let base = model * sum_params.count;
  var acc = 0.0;
  for (var i = local.x; i < sum_params.count; i += SUM_THREADS) { acc += values[base + i]; }
  partial[local.x] = acc;
  workgroupBarrier();
  for (var width = SUM_THREADS / 2u; width > 0u; width /= 2u) {
    if (local.x < width) { partial[local.x] += partial[local.x + width]; }
    workgroupBarrier();
  }
  if (local.x == 0u) {
    var index = sum_params.out_index + model * sum_params.out_stride;
    if (sum_params.at_step == 1u) { index += step[0]; }
    sums[index] = partial[0] * sum_params.scale;
  }
}

// Pooling over NCHW images, a thread an output element: 2×2 max pooling with stride 2
// (F.max_pool2d(x, 2), which drops an odd last row or column) and global average pooling,
// each with its backward, where a thread is an input pixel.

struct PoolParams {
  planes: u32,   // batch · channels
  height: u32,   // of the input
  width: u32,
}

@group(0) @binding(0) var<uniform> params: PoolParams;
@group(0) @binding(1) var<storage, read> source: array<f32>;  // the input; the average's backward: grad_out
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
@group(0) @binding(2) var<storage, read> grad_out: array<f32>;
@group(0) @binding(3) var<storage, read_write> grad_in: array<f32>;

// Where window w of a plane has its maximum: the first in row-major order on a tie, as PyTorch.
fn window_max(plane: u32, w: u32) -> u32 {
  let cols = params.width / 2u;
  let corner = (plane * params.height + w / cols * 2u) * params.width + w % cols * 2u;
  var best = corner;
  for (var k = 1u; k < 4u; k++) {
    let at = corner + k / 2u * params.width + k % 2u;
    if (source[at] > source[best]) { best = at; }
  }
  return best;
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn max_pool(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  let windows = params.height / 2u * (params.width / 2u);
  if (i >= params.planes * windows) { return; }
  out[i] = source[window_max(i / windows, i % windows)];
}

// A pixel is in one window at most: it takes the window's gradient if it is the window's
// maximum, else 0, as do the rows and columns the pooling dropped.
@compute @workgroup_size(WORKGROUP_SIZE)
fn max_pool_backward(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  let size = params.height * params.width;
  if (i >= params.planes * size) { return; }
  let row = i % size / params.width / 2u;
  let col = i % params.width / 2u;
  let cols = params.width / 2u;
  let rows = params.height / 2u;
  let w = row * cols + col;
  var grad = 0.0;
  if (row < rows && col < cols && window_max(i / size, w) == i) { grad = grad_out[i / size * rows * cols + w]; }
  grad_in[i] = grad;
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn avg_pool(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  if (i >= params.planes) { return; }
  let size = params.height * params.width;
  var sum = 0.0;
  for (var k = i * size; k < (i + 1u) * size; k++) { sum += source[k]; }
  out[i] = sum / f32(size);
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn avg_pool_backward(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  let size = params.height * params.width;
  if (i >= params.planes * size) { return; }
  out[i] = source[i / size] / f32(size);
}

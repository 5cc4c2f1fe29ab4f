// The loss surface of a two-parameter model: the mean squared error of y = a·x₀ + b·x₁ over
// the training rows, at every point of an (a, b) grid, in one dispatch (the lesson-2 picture
// of where SGD walks). A thread a grid point, looping over the rows: a grid of 128² points and
// a few hundred rows is a few million multiply-adds, and each point's sum stays in a register.

struct SurfaceParams {
  rows: u32,          // training rows
  grid_cols: u32,     // a varies along a grid row, from a_min (left) to a_max (right)
  grid_rows: u32,     // b varies down the grid, from b_max (top) to b_min (bottom)
  _pad: u32,
  a_min: f32,
  a_max: f32,
  b_min: f32,
  b_max: f32,
}

@group(0) @binding(0) var<uniform> params: SurfaceParams;
@group(0) @binding(1) var<storage, read> x: array<f32>;   // rows × 2
@group(0) @binding(2) var<storage, read> y: array<f32>;   // rows
@group(0) @binding(3) var<storage, read_write> surface: array<f32>;  // grid_rows × grid_cols, row-major from the top

// A grid of one point along an axis sits at the axis's first end.
fn along(i: u32, count: u32, first: f32, last: f32) -> f32 {
  if (count < 2u) { return first; }
  return first + (last - first) * (f32(i) / f32(count - 1u));
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn loss_surface(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  if (i >= params.grid_cols * params.grid_rows) { return; }
  let a = along(i % params.grid_cols, params.grid_cols, params.a_min, params.a_max);
  let b = along(i / params.grid_cols, params.grid_rows, params.b_max, params.b_min);
  var total = 0.0;
  for (var r = 0u; r < params.rows; r++) {
    let diff = fma(a, x[2u * r], fma(b, x[2u * r + 1u], -y[r]));
    total = fma(diff, diff, total);
  }
  surface[i] = total / f32(params.rows);
}

// The planar scenarios' kernels: their input features, and the weight penalty.
//
// planar_features: a thread a point; the point is row r of `points` (x1, x2), or, with
// grid > 0, cell r of a grid × grid grid over [-extent, extent]², row-major from the top-left,
// at the cell's centre (the decision boundary's points, made here rather than uploaded). It
// writes the features that bit i of `mask` picks, in order: x1 x2 x1² x2² x1·x2 sin x1 sin x2.
//
// penalize: grads += rate · mask · (sign(w) for L1, w for L2): the gradient of λ·Σ|w| or
// λ/2·Σw² over the weights that mask marks (the biases are not penalised).

struct FeatureParams {
  rows: u32,
  mask: u32,
  grid: u32,
  extent: f32,
}

struct PenaltyParams {
  count: u32,
  kind: u32,  // 1: L1, 2: L2
  rate: f32,
  _pad: u32,
}

@group(0) @binding(0) var<uniform> feature_params: FeatureParams;
@group(0) @binding(1) var<storage, read> points: array<f32>;
@group(0) @binding(2) var<storage, read_write> features: array<f32>;

@group(0) @binding(0) var<uniform> penalty_params: PenaltyParams;
@group(0) @binding(1) var<storage, read> weights: array<f32>;
@group(0) @binding(2) var<storage, read> penalized: array<f32>;
@group(0) @binding(3) var<storage, read_write> grads: array<f32>;

fn point_at(r: u32) -> vec2f {
  let size = feature_params.grid;
  if (size == 0u) { return vec2f(points[2u * r], points[2u * r + 1u]); }
  let cell = 2.0 * feature_params.extent / f32(size);
  let col = f32(r % size) + 0.5;
  let row = f32(r / size) + 0.5;
  return vec2f(-feature_params.extent + col * cell, feature_params.extent - row * cell);
}

// WGSL bounds sin's error only on [-π, π]; the points reach ±6, so reduce them there first.
fn sine(v: f32) -> f32 {
  let turn = 6.2831853;
  return sin(v - turn * round(v / turn));
}

fn feature(p: vec2f, i: u32) -> f32 {
  switch i {
    case 0u: { return p.x; }
    case 1u: { return p.y; }
    case 2u: { return p.x * p.x; }
    case 3u: { return p.y * p.y; }
    case 4u: { return p.x * p.y; }
    case 5u: { return sine(p.x); }
    default: { return sine(p.y); }
  }
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn planar_features(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let r = flat_index(id, groups);
  if (r >= feature_params.rows) { return; }
  let p = point_at(r);
  let width = countOneBits(feature_params.mask);
  var column = 0u;
  for (var i = 0u; i < 7u; i++) {
    if (((feature_params.mask >> i) & 1u) == 1u) {
      features[r * width + column] = feature(p, i);
      column++;
    }
  }
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn penalize(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  if (i >= penalty_params.count) { return; }
  let w = weights[i];
  let slope = select(w, sign(w), penalty_params.kind == 1u);
  grads[i] += penalty_params.rate * penalized[i] * slope;
}

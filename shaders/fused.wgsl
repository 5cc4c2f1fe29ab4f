// Fused steps for the lesson-2 model (y = x·w without bias, MSE, SGD with or without
// momentum, full batch), where on small problems dispatches cost more than arithmetic:
// linear_sgd_step does forward, loss, gradient, update, the step's loss and the step counter
// in one dispatch; linear_validation the validation loss with the new weights in another.
// Two dispatches an epoch instead of nine, one workgroup each.

const THREADS: u32 = 64u;
const MAX_FEATURES: u32 = 4u;

struct LinearParams {
  rows: u32,
  features: u32,
  valid_slots: u32,
  _pad: u32,
}

@group(0) @binding(0) var<uniform> params: LinearParams;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> y: array<f32>;
@group(0) @binding(3) var<storage, read> schedule: array<vec2<f32>>;  // (lr, momentum) per step
@group(0) @binding(4) var<storage, read_write> weights: array<f32>;
@group(0) @binding(5) var<storage, read_write> velocity: array<f32>;
@group(0) @binding(6) var<storage, read_write> losses: array<f32>;    // one per step
@group(0) @binding(7) var<storage, read_write> step: array<u32>;
@group(0) @binding(8) var<storage, read_write> non_finite: array<u32>;

@group(0) @binding(3) var<storage, read> trained: array<f32>;          // the weights, for validation
@group(0) @binding(4) var<storage, read_write> valid_loss: array<f32>; // one per validation slot
@group(0) @binding(5) var<storage, read> step_done: array<u32>;

var<workgroup> partial: array<array<f32, THREADS>, 5>;  // the loss, then one gradient per feature

fn is_non_finite(v: f32) -> bool {
  return (bitcast<u32>(v) & 0x7f800000u) == 0x7f800000u;
}

/** Sums partial[0..count)[*] over the workgroup into partial[*][0]. */
fn reduce(local: u32, count: u32) {
  for (var width = THREADS / 2u; width > 0u; width /= 2u) {
    if (local < width) {
      for (var p = 0u; p < count; p++) { partial[p][local] += partial[p][local + width]; }
    }
    workgroupBarrier();
  }
}

@compute @workgroup_size(THREADS)
fn linear_sgd_step(@builtin(local_invocation_id) lid: vec3<u32>) {
  let local = lid.x;
  let features = params.features;
  var w: array<f32, MAX_FEATURES>;
  for (var f = 0u; f < features; f++) { w[f] = weights[f]; }
  var loss = 0.0;
  var grad: array<f32, MAX_FEATURES>;
  for (var i = local; i < params.rows; i += THREADS) {
    var prediction = 0.0;
    for (var f = 0u; f < features; f++) { prediction = fma(x[i * features + f], w[f], prediction); }
    let diff = prediction - y[i];
    loss = fma(diff, diff, loss);
    for (var f = 0u; f < features; f++) { grad[f] = fma(diff, x[i * features + f], grad[f]); }
  }
  partial[0][local] = loss;
  for (var f = 0u; f < MAX_FEATURES; f++) { partial[f + 1u][local] = grad[f]; }
  workgroupBarrier();
  reduce(local, features + 1u);
  if (local != 0u) { return; }

  let t = step[0];
  let n = f32(params.rows);
  let hyper = schedule[t];
  let mean_loss = partial[0][0] / n;
  losses[t] = mean_loss;
  var bad = is_non_finite(mean_loss);
  for (var f = 0u; f < features; f++) {
    // d mean((x·w − y)²)/dw = 2/n · Σ (x·w − y)·x; then PyTorch's SGD: v = μv + g, w −= lr·v.
    let v = hyper.y * velocity[f] + 2.0 * partial[f + 1u][0] / n;
    velocity[f] = v;
    weights[f] = w[f] - hyper.x * v;
    bad = bad || is_non_finite(weights[f]);
  }
  if (bad) { non_finite[0] = 1u; }
  step[0] = t + 1u;
}

// The validation loss of the weights the last step left, into slot (step − 1) % valid_slots.
@compute @workgroup_size(THREADS)
fn linear_validation(@builtin(local_invocation_id) lid: vec3<u32>) {
  let local = lid.x;
  let features = params.features;
  var loss = 0.0;
  for (var i = local; i < params.rows; i += THREADS) {
    var prediction = 0.0;
    for (var f = 0u; f < features; f++) { prediction = fma(x[i * features + f], trained[f], prediction); }
    let diff = prediction - y[i];
    loss = fma(diff, diff, loss);
  }
  partial[0][local] = loss;
  workgroupBarrier();
  reduce(local, 1u);
  if (local == 0u) {
    let mean_loss = partial[0][0] / f32(params.rows);
    valid_loss[(step_done[0] - 1u) % params.valid_slots] = mean_loss;
    if (is_non_finite(mean_loss)) { non_finite[0] = 1u; }
  }
}

// The lesson-2 model (y = x·w without bias, MSE, SGD with or without momentum, full batch)
// fused, because on small problems dispatches cost far more than arithmetic: one dispatch
// runs `epochs` epochs (each one step, then the validation loss of the new weights) for up to
// 16 independent models, one workgroup each, and leaves the losses and the weights as the
// unfused kernels would. Between epochs the workgroup only synchronises; w and the velocity stay in
// registers, every thread applying the same update to the same reduced sums.

// Four threads: SwiftShader runs a workgroup as fibres of four lanes and each barrier switches
// between them, so 64 threads made line twice as slow; a playground's few hundred rows need
// no more on a real GPU either (bench/NOTES.md, change 10).
const THREADS: u32 = 4u;
const MAX_FEATURES: u32 = 4u;
// Models per dispatch, one workgroup each (what-if runs and seeds): MAX_BATCH_MODELS in TypeScript.
const MAX_MODELS: u32 = 16u;

// Where one model's tables start in `data` (in elements), and how long its run is.
struct ModelSlot {
  train_x: u32,
  train_y: u32,
  rows: u32,
  steps: u32,        // from this step on the model's run has ended: it stops updating
  valid_x: u32,
  valid_y: u32,
  valid_rows: u32,
  _pad: u32,
}

struct LinearParams {
  features: u32,
  epochs: u32,
  valid_slots: u32,
  validate: u32,         // 0: steps only, no validation (the LR finder)
  schedule_stride: u32,  // steps each model's schedule and losses hold
  _pad0: u32,
  _pad1: u32,
  _pad2: u32,
  models: array<ModelSlot, MAX_MODELS>,
}

@group(0) @binding(0) var<uniform> params: LinearParams;
@group(0) @binding(1) var<storage, read> data: array<f32>;
@group(0) @binding(2) var<storage, read> schedule: array<vec2f>;  // (lr, momentum) per model and step
@group(0) @binding(3) var<storage, read_write> weights: array<f32>;   // model m at m·features
@group(0) @binding(4) var<storage, read_write> velocity: array<f32>;
@group(0) @binding(5) var<storage, read_write> losses: array<f32>;    // model m's step t at m·schedule_stride + t
@group(0) @binding(6) var<storage, read_write> trajectory: array<f32>; // model m's w after step t at (m·schedule_stride + t)·features
@group(0) @binding(7) var<storage, read_write> valid_loss: array<f32>; // model m's slot at m·valid_slots
@group(0) @binding(8) var<storage, read_write> non_finite: array<u32>; // one per model
// The backend's step counter, bound as a uniform: the eight storage bindings are taken.
@group(0) @binding(9) var<uniform> step_counter: vec4u;

var<workgroup> partial: array<array<f32, THREADS>, 5>;  // the loss, then one gradient per feature

/** Sums partial[0..count)[*] over the workgroup into partial[*][0]. */
fn reduce(local: u32, count: u32) {
  for (var width = THREADS / 2u; width > 0u; width /= 2u) {
    if (local < width) {
      for (var p = 0u; p < count; p++) { partial[p][local] += partial[p][local + width]; }
    }
    workgroupBarrier();
  }
}

/** x·w − y for the row whose features start at data[x_at] and whose target is data[y_at]. */
fn residual(x_at: u32, y_at: u32, w: array<f32, MAX_FEATURES>) -> f32 {
  var prediction = 0.0;
  for (var f = 0u; f < params.features; f++) { prediction = fma(data[x_at + f], w[f], prediction); }
  return prediction - data[y_at];
}

// One workgroup per model: models never share a sum, so they need no synchronisation with
// each other, and a model whose run has ended skips its epochs. The step counter is only read
// here (a uniform: every workgroup sees the same start); advance_steps moves it on afterwards.
@compute @workgroup_size(THREADS)
fn linear_sgd_epochs(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let local = lid.x;
  let model = wid.x;
  let slot = params.models[model];
  let features = params.features;
  // Uniform across the workgroup, so the epoch loop below may hold barriers.
  let first = step_counter.x;
  let remaining = select(0u, slot.steps - first, slot.steps > first);
  let epochs = min(params.epochs, remaining);
  let at = model * features;
  var w: array<f32, MAX_FEATURES>;
  var v: array<f32, MAX_FEATURES>;
  for (var f = 0u; f < features; f++) {
    w[f] = weights[at + f];
    v[f] = velocity[at + f];
  }
  var bad = false;
  for (var e = 0u; e < epochs; e++) {
    let t = first + e;
    // The step: loss and gradient sums over the training rows.
    var loss = 0.0;
    // Zeroed explicitly: SwiftShader kept the last epoch's sums when left to WGSL's implicit zeroing.
    var grad = array<f32, MAX_FEATURES>();
    for (var i = local; i < slot.rows; i += THREADS) {
      let row = slot.train_x + i * features;
      let diff = residual(row, slot.train_y + i, w);
      loss = fma(diff, diff, loss);
      for (var f = 0u; f < features; f++) { grad[f] = fma(diff, data[row + f], grad[f]); }
    }
    partial[0][local] = loss;
    for (var f = 0u; f < MAX_FEATURES; f++) { partial[f + 1u][local] = grad[f]; }
    workgroupBarrier();
    reduce(local, features + 1u);
    let n = f32(slot.rows);
    let hyper = schedule[model * params.schedule_stride + t];
    let mean_loss = partial[0][0] / n;
    bad = bad || is_non_finite(mean_loss);
    for (var f = 0u; f < features; f++) {
      // d mean((x·w − y)²)/dw = 2/n · Σ (x·w − y)·x; then PyTorch's SGD: v = μv + g, w −= lr·v.
      v[f] = hyper.y * v[f] + 2.0 * partial[f + 1u][0] / n;
      w[f] = w[f] - hyper.x * v[f];
      bad = bad || is_non_finite(w[f]);
    }
    if (local == 0u) {
      losses[model * params.schedule_stride + t] = mean_loss;
      // The path through (a, b): one store a step, read back with the losses.
      let record = (model * params.schedule_stride + t) * features;
      for (var f = 0u; f < features; f++) { trajectory[record + f] = w[f]; }
    }
    // Every thread has read the sums before anyone overwrites them.
    workgroupBarrier();
    // The validation loss of the new weights, into slot t % valid_slots (none for the LR finder).
    if (params.validate != 0u) {
      var valid = 0.0;
      for (var i = local; i < slot.valid_rows; i += THREADS) {
        let diff = residual(slot.valid_x + i * features, slot.valid_y + i, w);
        valid = fma(diff, diff, valid);
      }
      partial[0][local] = valid;
      workgroupBarrier();
      reduce(local, 1u);
      let mean_valid = partial[0][0] / f32(slot.valid_rows);
      bad = bad || is_non_finite(mean_valid);
      if (local == 0u) { valid_loss[model * params.valid_slots + t % params.valid_slots] = mean_valid; }
      workgroupBarrier();
    }
  }
  if (local != 0u) { return; }
  for (var f = 0u; f < features; f++) {
    weights[at + f] = w[f];
    velocity[at + f] = v[f];
  }
  if (bad) { non_finite[model] = 1u; }
}

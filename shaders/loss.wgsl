// Losses, forward and gradient in one pass: each row's loss goes to row_loss (a sum kernel
// then averages it), each logit's gradient to grad, already multiplied by `scale` (1/rows
// for a mean). Any non-finite loss or gradient raises its model's flag (non_finite[row /
// rows_per_model], K models' rows one after another), so a diverging run is noticed on the
// GPU without reading the losses back every step.

struct LossParams {
  rows: u32,      // all models' rows
  classes: u32,   // softmax: classes per row; 1 for MSE and BCE
  scale: f32,
  rows_per_model: u32,
}

@group(0) @binding(0) var<uniform> params: LossParams;
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read> targets: array<f32>;
@group(0) @binding(2) var<storage, read> labels: array<u32>;
@group(0) @binding(3) var<storage, read_write> grad: array<f32>;
@group(0) @binding(3) var<storage, read_write> wrong: array<f32>;
@group(0) @binding(4) var<storage, read_write> row_loss: array<f32>;
@group(0) @binding(5) var<storage, read_write> non_finite: array<u32>;

fn flag_if_non_finite(row: u32, x: f32) {
  if (is_non_finite(x)) { non_finite[row / params.rows_per_model] = 1u; }
}

// (p − y)², gradient 2(p − y)·scale.
@compute @workgroup_size(WORKGROUP_SIZE)
fn mse(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  if (i >= params.rows) { return; }
  let diff = logits[i] - targets[i];
  let loss = diff * diff;
  let g = 2.0 * diff * params.scale;
  row_loss[i] = loss;
  grad[i] = g;
  flag_if_non_finite(i, loss);
  flag_if_non_finite(i, g);
}

// −log softmax(z)[label], computed as logsumexp(z − max) + max − z[label] so large logits
// never overflow; gradient (softmax(z) − onehot(label))·scale.
@compute @workgroup_size(WORKGROUP_SIZE)
fn softmax_cross_entropy(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  if (i >= params.rows) { return; }
  let base = i * params.classes;
  var top = logits[base];
  for (var j = 1u; j < params.classes; j++) { top = max(top, logits[base + j]); }
  var total = 0.0;
  for (var j = 0u; j < params.classes; j++) { total += exp(logits[base + j] - top); }
  let label = labels[i];
  let loss = log(total) + top - logits[base + label];
  row_loss[i] = loss;
  flag_if_non_finite(i, loss);
  for (var j = 0u; j < params.classes; j++) {
    let p = exp(logits[base + j] - top) / total;
    let g = (p - select(0.0, 1.0, j == label)) * params.scale;
    grad[base + j] = g;
    flag_if_non_finite(i, g);
  }
}

// log(1 + e^−a) for a ≥ 0 without losing the tail when e^−a is tiny (WGSL has no log1p).
fn log1p_exp_neg(a: f32) -> f32 {
  let e = exp(-a);
  if (e < 1e-4) { return e * (1.0 - 0.5 * e); }
  return log(1.0 + e);
}

fn sigmoid(z: f32) -> f32 {
  if (z >= 0.0) { return 1.0 / (1.0 + exp(-z)); }
  let e = exp(z);
  return e / (1.0 + e);
}

// Binary cross-entropy on a logit z and a 0/1 label y: max(z, 0) − z·y + log(1 + e^−|z|),
// PyTorch's BCEWithLogitsLoss; gradient (σ(z) − y)·scale.
@compute @workgroup_size(WORKGROUP_SIZE)
fn binary_cross_entropy(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  if (i >= params.rows) { return; }
  let z = logits[i];
  let y = f32(labels[i]);
  let loss = max(z, 0.0) - z * y + log1p_exp_neg(abs(z));
  let g = (sigmoid(z) - y) * params.scale;
  row_loss[i] = loss;
  grad[i] = g;
  flag_if_non_finite(i, loss);
  flag_if_non_finite(i, g);
}

// 1 where the prediction misses the label: argmax over classes, or z > 0 for one logit.
// Ties go to the lowest class, as torch.argmax does.
@compute @workgroup_size(WORKGROUP_SIZE)
fn count_errors(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  if (i >= params.rows) { return; }
  var predicted = 0u;
  if (params.classes == 1u) {
    predicted = select(0u, 1u, logits[i] > 0.0);
  } else {
    let base = i * params.classes;
    var top = logits[base];
    for (var j = 1u; j < params.classes; j++) {
      if (logits[base + j] > top) { top = logits[base + j]; predicted = j; }
    }
  }
  wrong[i] = select(0.0, 1.0, predicted != labels[i]);
}

// Batch normalisation over NCHW images, as nn.BatchNorm2d: a channel's statistics run over
// every image and pixel, so a workgroup takes a channel (workgroup_sum is prepended).
// TRAINING: the mean, then the mean squared deviation from it (two passes:
// E[x²] − mean² would cancel), the running statistics moved by thread 0 (the unbiased
// variance, as PyTorch), and x normalised. Otherwise x is normalised with the running
// statistics. saved keeps the mean and 1/√(var + ε) used, for the backward.
//
// One dispatch a layer, at the price of few workgroups (a channel each) on a large GPU.

override TRAINING: bool = true;

struct NormParams {
  batch: u32,
  channels: u32,
  plane: u32,   // height · width
  momentum: f32,
  eps: f32,
}

@group(0) @binding(0) var<uniform> params: NormParams;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> gamma: array<f32>;
@group(0) @binding(3) var<storage, read> beta: array<f32>;
@group(0) @binding(3) var<storage, read> grad_out: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;  // y, or the backward's grad_in
@group(0) @binding(5) var<storage, read_write> saved: array<f32>;  // means, then 1/√(var + ε)
@group(0) @binding(6) var<storage, read_write> running_mean: array<f32>;
@group(0) @binding(6) var<storage, read_write> grad_gamma: array<f32>;
@group(0) @binding(7) var<storage, read_write> running_var: array<f32>;
@group(0) @binding(7) var<storage, read_write> grad_beta: array<f32>;

// The j-th value of channel c, counting over images then pixels.
fn at(c: u32, j: u32) -> u32 {
  return (j / params.plane * params.channels + c) * params.plane + j % params.plane;
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn batch_norm(@builtin(local_invocation_id) local: vec3u, @builtin(workgroup_id) group: vec3u) {
  let c = group.x;
  let count = params.batch * params.plane;
  var mean: f32;
  var inv_std: f32;
  if (TRAINING) {
    var sum = 0.0;
    for (var j = local.x; j < count; j += WORKGROUP_SIZE) { sum += x[at(c, j)]; }
    mean = workgroup_sum(vec2f(sum, 0.0), local.x).x / f32(count);
    sum = 0.0;
    for (var j = local.x; j < count; j += WORKGROUP_SIZE) { let d = x[at(c, j)] - mean; sum += d * d; }
    let variance = workgroup_sum(vec2f(sum, 0.0), local.x).x / f32(count);
    inv_std = inverseSqrt(variance + params.eps);
    if (local.x == 0u) {
      running_mean[c] = mix(running_mean[c], mean, params.momentum);
      running_var[c] = mix(running_var[c], variance * f32(count) / f32(count - 1u), params.momentum);
    }
  } else {
    mean = running_mean[c];
    inv_std = inverseSqrt(running_var[c] + params.eps);
  }
  if (local.x == 0u) {
    saved[c] = mean;
    saved[params.channels + c] = inv_std;
  }
  let scale = gamma[c] * inv_std;
  for (var j = local.x; j < count; j += WORKGROUP_SIZE) { out[at(c, j)] = (x[at(c, j)] - mean) * scale + beta[c]; }
}

// With x̂ = (x − mean)·inv_std: ∂β = Σ dy, ∂γ = Σ dy·x̂, and in training
// dx = γ·inv_std·(dy − mean(dy) − x̂·mean(dy·x̂)), the statistics' own dependence on x; in
// evaluation they are constants, and dx = γ·inv_std·dy.
@compute @workgroup_size(WORKGROUP_SIZE)
fn batch_norm_backward(@builtin(local_invocation_id) local: vec3u, @builtin(workgroup_id) group: vec3u) {
  let c = group.x;
  let count = params.batch * params.plane;
  let mean = saved[c];
  let inv_std = saved[params.channels + c];
  var sums = vec2f(0.0);
  for (var j = local.x; j < count; j += WORKGROUP_SIZE) {
    let dy = grad_out[at(c, j)];
    sums += vec2f(dy, dy * (x[at(c, j)] - mean) * inv_std);
  }
  let total = workgroup_sum(sums, local.x);
  if (local.x == 0u) {
    grad_beta[c] = total.x;
    grad_gamma[c] = total.y;
  }
  let means = select(vec2f(0.0), total / f32(count), TRAINING);
  let scale = gamma[c] * inv_std;
  for (var j = local.x; j < count; j += WORKGROUP_SIZE) {
    let k = at(c, j);
    out[k] = scale * (grad_out[k] - means.x - (x[k] - mean) * inv_std * means.y);
  }
}

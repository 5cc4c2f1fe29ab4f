// In-place optimizer steps over one flat parameter buffer. The learning rate and the
// momentum (SGD) or β1 (Adam) of step t are schedule[t], and t is step[0]: a whole epoch of
// steps is recorded once and replayed with no write from the CPU between steps.
//
// The buffer may hold K models of per_model parameters each (what-if runs, seeds): model m
// reads its schedule from pair m·schedule_stride, stops updating once t reaches steps[m], and
// raises non_finite[m].

struct OptimParams {
  count: u32,         // all models' parameters
  weight_decay: f32,  // decoupled ("true") weight decay, as fastai v1's true_wd
  beta2: f32,
  eps: f32,
  per_model: u32,
  schedule_stride: u32,
  _pad0: u32,
  _pad1: u32,
  steps: array<vec4u, 4>,  // each model's steps in all, four to a vector (16 models)
}

@group(0) @binding(0) var<uniform> params: OptimParams;
@group(0) @binding(1) var<storage, read> schedule: array<vec2f>;  // (lr, momentum or β1)
@group(0) @binding(2) var<storage, read> step: array<u32>;
@group(0) @binding(3) var<storage, read> grads: array<f32>;
@group(0) @binding(4) var<storage, read_write> weights: array<f32>;
@group(0) @binding(5) var<storage, read_write> moment1: array<f32>;
@group(0) @binding(6) var<storage, read_write> moment2: array<f32>;
@group(0) @binding(7) var<storage, read_write> non_finite: array<u32>;

@group(0) @binding(0) var<storage, read_write> step_counter: array<u32>;

fn store_weight(i: u32, w: f32) {
  weights[i] = w;
  if (is_non_finite(w)) { non_finite[model_of(i)] = 1u; }
}

fn model_of(i: u32) -> u32 {
  return i / params.per_model;
}

// The run of parameter i's model has ended at step t: the parameter stays as it is.
fn ended(i: u32, t: u32) -> bool {
  let m = model_of(i);
  return t >= params.steps[m / 4u][m % 4u];
}

// Step t's (lr, momentum or β1) for parameter i's model.
fn hyper(i: u32, t: u32) -> vec2f {
  return schedule[model_of(i) * params.schedule_stride + t];
}

// PyTorch's SGD: v = μ·v + g; w −= lr·v. With μ = 0 this is the notebook's a.sub_(lr * a.grad).
@compute @workgroup_size(WORKGROUP_SIZE)
fn sgd(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  let t = step[0];
  if (i >= params.count || ended(i, t)) { return; }
  let h = hyper(i, t);
  let lr = h.x;
  let velocity = h.y * moment1[i] + grads[i];
  moment1[i] = velocity;
  store_weight(i, weights[i] * (1.0 - lr * params.weight_decay) - lr * velocity);
}

// AdamW as fastai v1 runs PyTorch's Adam with true_wd: decay first, then the Adam step with
// bias corrections for t = step + 1 using the current β1.
@compute @workgroup_size(WORKGROUP_SIZE)
fn adamw(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  let t = step[0];
  if (i >= params.count || ended(i, t)) { return; }
  let h = hyper(i, t);
  let lr = h.x;
  let beta1 = h.y;
  let g = grads[i];
  let m = beta1 * moment1[i] + (1.0 - beta1) * g;
  let v = params.beta2 * moment2[i] + (1.0 - params.beta2) * g * g;
  moment1[i] = m;
  moment2[i] = v;
  let n = f32(t + 1u);
  let correction1 = 1.0 - pow(beta1, n);
  let correction2 = 1.0 - pow(params.beta2, n);
  let denom = sqrt(v) / sqrt(correction2) + params.eps;
  store_weight(i, weights[i] * (1.0 - lr * params.weight_decay) - (lr / correction1) * (m / denom));
}

@compute @workgroup_size(1)
fn advance_step() {
  step_counter[0] += 1u;
}

// After a dispatch that ran `count` steps without moving the counter (the fused linear epochs).
struct StepsParams {
  count: u32,
}
@group(0) @binding(0) var<uniform> steps: StepsParams;
@group(0) @binding(1) var<storage, read_write> counter: array<u32>;

@compute @workgroup_size(1)
fn advance_steps() {
  counter[0] += steps.count;
}

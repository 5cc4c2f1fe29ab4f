// Element-wise kernels: fill a strided view, an activation and its backward, and gathering the rows
// of a mini-batch through a permutation.

struct FillParams {
  offset: u32,
  stride: u32,
  count: u32,
  value: f32,
}

struct ActivationParams {
  count: u32,
}

// Rows of a mini-batch: row r of the batch is row order[step_in_epoch * rows + r] of the
// source, where step_in_epoch = step % steps_per_epoch, so one recorded dispatch serves
// every step of an epoch.
struct GatherParams {
  rows: u32,
  cols: u32,
  steps_per_epoch: u32,
  _pad: u32,
}

@group(0) @binding(0) var<uniform> fill_params: FillParams;
@group(0) @binding(1) var<storage, read_write> fill_out: array<f32>;

@group(0) @binding(0) var<uniform> activation_params: ActivationParams;
@group(0) @binding(1) var<storage, read> grad_out: array<f32>;
@group(0) @binding(2) var<storage, read> activation: array<f32>;
@group(0) @binding(3) var<storage, read_write> grad_in: array<f32>;

@group(0) @binding(1) var<storage, read> pre_activation: array<f32>;
@group(0) @binding(2) var<storage, read_write> activated: array<f32>;

@group(0) @binding(0) var<uniform> gather_params: GatherParams;
@group(0) @binding(1) var<storage, read> source: array<f32>;
@group(0) @binding(1) var<storage, read> source_u32: array<u32>;
@group(0) @binding(2) var<storage, read> order: array<u32>;
@group(0) @binding(3) var<storage, read> step: array<u32>;
@group(0) @binding(4) var<storage, read_write> gathered: array<f32>;
@group(0) @binding(4) var<storage, read_write> gathered_u32: array<u32>;

@compute @workgroup_size(WORKGROUP_SIZE)
fn fill(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  if (i >= fill_params.count) { return; }
  fill_out[fill_params.offset + i * fill_params.stride] = fill_params.value;
}

// y = act(z) on its own, where no matrix product applies it in its epilogue (activation.wgsl).
@compute @workgroup_size(WORKGROUP_SIZE)
fn activation_forward(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  if (i >= activation_params.count) { return; }
  activated[i] = activate(pre_activation[i]);
}

// dL/dz = dL/dy · act′, the slope read from the layer's output y (activation.wgsl).
@compute @workgroup_size(WORKGROUP_SIZE)
fn activation_backward(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  if (i >= activation_params.count) { return; }
  grad_in[i] = grad_out[i] * activation_slope(activation[i]);
}

fn source_row(r: u32) -> u32 {
  let step_in_epoch = step[0] % gather_params.steps_per_epoch;
  return order[step_in_epoch * gather_params.rows + r];
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn gather_rows(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  if (i >= gather_params.rows * gather_params.cols) { return; }
  let r = i / gather_params.cols;
  let c = i % gather_params.cols;
  gathered[i] = source[source_row(r) * gather_params.cols + c];
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn gather_rows_u32(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  if (i >= gather_params.rows * gather_params.cols) { return; }
  let r = i / gather_params.cols;
  let c = i % gather_params.cols;
  gathered_u32[i] = source_u32[source_row(r) * gather_params.cols + c];
}

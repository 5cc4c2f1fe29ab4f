// 2-D convolution over NCHW images, stride 1, with KERNEL / 2 zeros around the edge so the
// output keeps the input's height × width (nn.Conv2d(…, padding=kernel // 2)); weights are
// out × in × KERNEL × KERNEL, PyTorch's layout.
//
// conv2d makes one output element a thread. The backward for the input is the same sum over
// the other channels with the weights transposed (in ↔ out) and their taps flipped, so the
// same kernel does it (BACKWARD_INPUT). The weights' gradient sums over every image and
// pixel: a workgroup a weight, then (HAS_BIAS) one an output channel for the bias, each
// reducing with workgroup_sum (prepended).
//
// Rows and columns are u32: a tap above or left of the image wraps to a huge index, so one
// comparison with the height (width) rejects both edges.

override KERNEL: u32 = 3u;  // odd
override HAS_BIAS: bool = false;
override BACKWARD_INPUT: bool = false;

struct ConvParams {
  batch: u32,
  channels_in: u32,   // summed over: the convolution's output channels when BACKWARD_INPUT
  channels_out: u32,
  height: u32,
  width: u32,
}

@group(0) @binding(0) var<uniform> params: ConvParams;
@group(0) @binding(1) var<storage, read> source: array<f32>;
@group(0) @binding(2) var<storage, read> weights: array<f32>;
@group(0) @binding(2) var<storage, read> grad_out: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(3) var<storage, read_write> grad_weights: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<storage, read_write> grad_bias: array<f32>;

// Where tap t of the window centred on pixel s reads: its row and column, wrapped when outside.
fn tap_at(s: u32, t: u32) -> vec2u {
  return vec2u(s / params.width, s % params.width) + vec2u(t / KERNEL, t % KERNEL) - KERNEL / 2u;
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn conv2d(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let plane = params.height * params.width;
  let i = flat_index(id, groups);
  if (i >= params.batch * params.channels_out * plane) { return; }
  let o = i / plane % params.channels_out;
  let image = i / plane / params.channels_out * params.channels_in * plane;
  let taps = KERNEL * KERNEL;
  var sum = 0.0;
  for (var c = 0u; c < params.channels_in; c++) {
    for (var t = 0u; t < taps; t++) {
      let at = tap_at(i % plane, t);
      if (at.x < params.height && at.y < params.width) {
        let w = select((o * params.channels_in + c) * taps + t, (c * params.channels_out + o) * taps + taps - 1u - t, BACKWARD_INPUT);
        sum += source[image + c * plane + at.x * params.width + at.y] * weights[w];
      }
    }
  }
  if (HAS_BIAS) { sum += bias[o]; }
  out[i] = sum;
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn conv2d_weights_grad(@builtin(local_invocation_id) local: vec3u, @builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let g = group.x + group.y * groups.x;
  let taps = KERNEL * KERNEL;
  let weight_count = params.channels_out * params.channels_in * taps;
  if (g >= weight_count + select(0u, params.channels_out, HAS_BIAS)) { return; }
  let is_bias = g >= weight_count;
  let o = select(g / taps / params.channels_in, g - weight_count, is_bias);
  let c = g / taps % params.channels_in;
  let plane = params.height * params.width;
  var sum = 0.0;
  for (var j = local.x; j < params.batch * plane; j += WORKGROUP_SIZE) {
    let n = j / plane;
    let dy = grad_out[(n * params.channels_out + o) * plane + j % plane];
    let at = tap_at(j % plane, g % taps);
    if (is_bias) {
      sum += dy;
    } else if (at.x < params.height && at.y < params.width) {
      sum += dy * source[(n * params.channels_in + c) * plane + at.x * params.width + at.y];
    }
  }
  let total = workgroup_sum(vec2f(sum, 0.0), local.x).x;
  if (local.x == 0u) {
    if (is_bias) { grad_bias[o] = total; } else { grad_weights[g] = total; }
  }
}

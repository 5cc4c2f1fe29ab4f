// Data augmentation for small photos (fastai's get_transforms: do_flip, and a shift of a few
// pixels standing in for its crop-and-pad): the current step's mini-batch gathered through the
// epoch's order, as gather_rows does, each image flipped left to right or not and shifted by
// whole pixels, zeros where the shift uncovers the edge. src/cpu/augment.ts is its twin.
//
// Joined after random.wgsl (src/gpu/shaders.ts) for philox4x32_10: image k of the batch takes
// the words of Philox block counter + step * batch + k of the stream (seed, stream), so its
// draws are a pure function of the seed and the step, on every backend. Word 0's top bit
// flips; words 1 and 2 give the shifts dx and dy (their top 24 bits times the 2 * max_shift + 1
// values, exact in u32). Every thread of an image makes the same block: ten rounds of integer
// arithmetic cost less than a pass to store the draws and another to read them.

struct AugmentParams {
  batch: u32,
  channels: u32,
  height: u32,
  width: u32,
  steps_per_epoch: u32,
  seed: u32,
  stream: u32,
  counter: u32,  // the block of the run's first image, at step 0
  flip: u32,     // 1: flip with probability 1/2; 0: never
  max_shift: u32,
}

@group(0) @binding(0) var<uniform> augment_params: AugmentParams;
@group(0) @binding(1) var<storage, read> augment_source: array<f32>;
@group(0) @binding(2) var<storage, read> augment_order: array<u32>;
@group(0) @binding(3) var<storage, read> augment_step: array<u32>;
@group(0) @binding(4) var<storage, read_write> augmented: array<f32>;

// One of the 2 * max_shift + 1 shifts -max_shift..max_shift from a word's top 24 bits.
fn augment_shift(word: u32) -> i32 {
  let span = 2u * augment_params.max_shift + 1u;
  return i32(((word >> 8u) * span) >> 24u) - i32(augment_params.max_shift);
}

// One thread an output element: out[n, c, y, x] = source[row, c, y - dy, x'], with
// x' = width - 1 - (x - dx) when image n is flipped, else x - dx.
@compute @workgroup_size(WORKGROUP_SIZE)
fn augment_images(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let p = augment_params;
  let i = flat_index(id, groups);
  let plane = p.height * p.width;
  if (i >= p.batch * p.channels * plane) { return; }
  let n = i / (p.channels * plane);
  let c = (i / plane) % p.channels;
  let y = i32((i % plane) / p.width);
  let x = i32(i % p.width);
  let step = augment_step[0];
  let row = augment_order[(step % p.steps_per_epoch) * p.batch + n];
  let words = philox4x32_10(vec4u(p.counter + step * p.batch + n, 0u, 0u, 0u), vec2u(p.seed, p.stream));
  let sy = y - augment_shift(words.z);
  let sx = x - augment_shift(words.y);
  if (sy < 0 || sy >= i32(p.height) || sx < 0 || sx >= i32(p.width)) {
    augmented[i] = 0.0;
    return;
  }
  let flipped = p.flip != 0u && words.x >= 0x80000000u;
  let source_x = select(u32(sx), p.width - 1u - u32(sx), flipped);
  augmented[i] = augment_source[(row * p.channels + c) * plane + u32(sy) * p.width + source_x];
}

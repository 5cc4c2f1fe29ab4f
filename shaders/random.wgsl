// Counter-based random numbers: Philox4x32-10 (Salmon et al., "Parallel random numbers: as
// easy as 1, 2, 3", SC'11), the generator PyTorch and cuRAND use on GPUs. Counter-based means
// element j of a stream is a pure function of (seed, stream, j): any thread can make any
// element, and src/cpu/rng.ts makes the same 32-bit words bit for bit.
//
// Element j uses counter (j / 4, 0, 0, 0) with key (seed, stream) and takes word j % 4.

struct RandomParams {
  offset: u32,   // first element of the strided view
  stride: u32,
  count: u32,
  seed: u32,
  stream: u32,
  counter: u32,  // index of the view's first element in the stream
  lo: f32,
  hi: f32,
}

@group(0) @binding(0) var<uniform> params: RandomParams;
@group(0) @binding(1) var<storage, read_write> values: array<f32>;
@group(0) @binding(1) var<storage, read_write> words: array<u32>;

// The high and low 32 bits of a 32x32-bit product. WGSL has no 64-bit integers, so the
// high word comes from 16-bit halves.
fn mul_hi_lo(a: u32, b: u32) -> vec2u {
  let a_lo = a & 0xffffu;
  let a_hi = a >> 16u;
  let b_lo = b & 0xffffu;
  let b_hi = b >> 16u;
  let lo_lo = a_lo * b_lo;
  let lo_hi = a_lo * b_hi;
  let hi_lo = a_hi * b_lo;
  let carry = ((lo_lo >> 16u) + (lo_hi & 0xffffu) + (hi_lo & 0xffffu)) >> 16u;
  let hi = a_hi * b_hi + (lo_hi >> 16u) + (hi_lo >> 16u) + carry;
  return vec2u(hi, a * b);
}

fn philox4x32_10(counter: vec4u, key: vec2u) -> vec4u {
  var c = counter;
  var k = key;
  for (var round = 0u; round < 10u; round++) {
    let p0 = mul_hi_lo(0xD2511F53u, c.x);
    let p1 = mul_hi_lo(0xCD9E8D57u, c.z);
    c = vec4u(p1.x ^ c.y ^ k.x, p1.y, p0.x ^ c.w ^ k.y, p0.y);
    k += vec2u(0x9E3779B9u, 0xBB67AE85u);
  }
  return c;
}

fn random_word(j: u32) -> u32 {
  let block = philox4x32_10(vec4u(j >> 2u, 0u, 0u, 0u), vec2u(params.seed, params.stream));
  return block[j & 3u];
}

// 24 random bits scaled into [0, 1): exact in float32, so both backends agree on u.
fn unit_float(word: u32) -> f32 {
  return f32(word >> 8u) * (1.0 / 16777216.0);
}

// x[offset + i*stride] = U(lo, hi) for i < count: torch's x[:,0].uniform_(lo, hi).
@compute @workgroup_size(WORKGROUP_SIZE)
fn uniform_(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  if (i >= params.count) { return; }
  let u = unit_float(random_word(params.counter + i));
  values[params.offset + i * params.stride] = params.lo + (params.hi - params.lo) * u;
}

// The raw 32-bit words, for checking the generator itself.
@compute @workgroup_size(WORKGROUP_SIZE)
fn random_words(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flat_index(id, groups);
  if (i >= params.count) { return; }
  words[params.offset + i * params.stride] = random_word(params.counter + i);
}

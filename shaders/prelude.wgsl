// What every kernel module shares, prepended to each one by src/gpu/shaders.ts (WGSL has no
// includes; joined there once, the text ships once). Keep it to declarations that every
// module may carry unused: a module that also declares one of these names fails to compile.

// Threads per workgroup of the 1-D kernels, set from TypeScript (WORKGROUP_SIZE in
// src/gpu/pipelines.ts). The kernels with a shape of their own (the tiled matmul, the fused
// epochs, the counters) ignore it.
override WORKGROUP_SIZE: u32 = 64u;

// A thread's element in a 1-D dispatch: large counts need a 2-D grid of workgroups (at most
// 65535 a dimension), rows of groups.x workgroups. The caller checks it against its count.
fn flat_index(id: vec3u, groups: vec3u) -> u32 {
  return id.x + id.y * groups.x * WORKGROUP_SIZE;
}

// NaN and ±Inf are the floats whose exponent bits are all ones. Comparing bits survives
// compilers that assume finite maths and fold `x != x` away.
fn is_non_finite(x: f32) -> bool {
  return (bitcast<u32>(x) & 0x7f800000u) == 0x7f800000u;
}

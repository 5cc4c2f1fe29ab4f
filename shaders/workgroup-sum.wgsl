// A workgroup's sum of one vec2 per thread, for the kernels that reduce a channel or a weight
// over a batch in one workgroup (batchnorm.wgsl): strided partial sums in each
// thread, then this tree. Prepended to those modules (src/gpu/shaders.ts), after the prelude:
// WORKGROUP_SIZE (prelude.wgsl) must be a power of two here.

var<workgroup> partial: array<vec2f, WORKGROUP_SIZE>;

// Every thread of the workgroup must call it (it holds barriers), and all get the total.
fn workgroup_sum(value: vec2f, thread: u32) -> vec2f {
  partial[thread] = value;
  for (var width = WORKGROUP_SIZE / 2u; width > 0u; width /= 2u) {
    workgroupBarrier();
    if (thread < width) { partial[thread] += partial[thread + width]; }
  }
  workgroupBarrier();
  let total = partial[0];
  // A second call must not overwrite partial[0] before every thread has read it.
  workgroupBarrier();
  return total;
}

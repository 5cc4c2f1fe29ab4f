// C = act(op(A) · op(B) [+ C] [+ bias]), row-major, any sizes; act as activation.wgsl.
// op(A) is m×k: A is stored m×k, or k×m when TRANS_A. op(B) is k×n: B is stored k×n, or
// n×k when TRANS_B. The variants are pipeline-override constants, so each one is its own
// specialised pipeline rather than a branch per element.
//
// Each workgroup computes a tile×tile block of C (tile = 4 · THREADS = 64): 16×16 threads,
// each with a 4×4 register block, strided by 16 so neighbouring threads read neighbouring
// tile entries. K advances in chunks of 16 staged through workgroup memory; out-of-range
// loads read 0. 8×8 threads (TF.js's shape) measured no faster, so the size is fixed.

override TRANS_A: bool = false;
override TRANS_B: bool = false;
override HAS_BIAS: bool = false;
override ACCUMULATE: bool = false;  // C += op(A)·op(B): y = x@a + noise with the noise already in C

const THREADS: u32 = 16u;      // threads per side of a workgroup
const BLOCK: u32 = 4u;         // each thread's BLOCK×BLOCK outputs
const TILE_K: u32 = 16u;

// K products at once along the grid's z (one model's layer each): product z reads A, B and
// the bias z times their stride further on (0: all share one) and writes C likewise.
struct MatmulParams {
  m: u32,
  n: u32,
  k: u32,
  _pad: u32,
  a_stride: u32,
  b_stride: u32,
  c_stride: u32,
  bias_stride: u32,
}

@group(0) @binding(0) var<uniform> params: MatmulParams;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> c: array<f32>;

// tile × TILE_K each.
var<workgroup> a_tile: array<f32, 1024>;   // [kk * tile + row]
var<workgroup> b_tile: array<f32, 1024>;   // [kk * tile + col]

fn load_a(z: u32, row: u32, l: u32) -> f32 {
  if (row >= params.m || l >= params.k) { return 0.0; }
  let base = z * params.a_stride;
  if (TRANS_A) { return a[base + l * params.m + row]; }
  return a[base + row * params.k + l];
}

fn load_b(z: u32, l: u32, col: u32) -> f32 {
  if (l >= params.k || col >= params.n) { return 0.0; }
  let base = z * params.b_stride;
  if (TRANS_B) { return b[base + col * params.k + l]; }
  return b[base + l * params.n + col];
}

fn store(z: u32, row: u32, col: u32, sum: f32) {
  let at = z * params.c_stride + row * params.n + col;
  var value = sum;
  if (ACCUMULATE) { value += c[at]; }
  if (HAS_BIAS) { value += bias[z * params.bias_stride + col]; }
  c[at] = activate(value);
}

// acc + the outer product of a (4 rows) and b (4 columns), one fma a column.
fn outer(a: vec4f, b: vec4f, acc: mat4x4f) -> mat4x4f {
  return mat4x4f(fma(vec4f(a.x), b, acc[0]), fma(vec4f(a.y), b, acc[1]), fma(vec4f(a.z), b, acc[2]), fma(vec4f(a.w), b, acc[3]));
}

// An 8×8 block of C per thread, no workgroup memory and no barriers: for the small and thin
// products of a playground this beats staging tiles, most of all on CPU-emulated adapters
// where barriers and invocations are expensive. Each step of k loads 8 + 8 values for 64
// products. The loop has no branches and no index products: rows and columns past the edge
// are clamped to the last one (read, then dropped at the store), and the offsets along k
// advance by addition. On SwiftShader this made the kernel 2.5–3× faster than bounds-checked
// loads with the index computed per element, 4×8 ~1.4× faster than 4×4, and 8×8 1.4–1.7×
// faster than 4×8 on square products, with 12×8 and 16×8 no faster again (bench/NOTES.md,
// changes 7, 9 and 19). The accumulators are four named 4×4 matrices, each step one outer
// product into each: as fast as sixteen named vectors, and less text for the engine to ship.
// Indexed with a variable, accumulators go to memory: only constant indices touch them.
@compute @workgroup_size(WORKGROUP_SIZE)
fn matmul_direct(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let octs = (params.n + 7u) / 8u;
  let index = flat_index(id, groups);
  if (index >= ((params.m + 7u) / 8u) * octs) { return; }
  let row = (index / octs) * 8u;
  let col = (index % octs) * 8u;
  let z = id.z;
  // Element (i, l) of op(A) is a[i * a_row + l * a_l]; (l, j) of op(B) is b[l * b_l + j * b_col].
  let a_row = select(params.k, 1u, TRANS_A);
  let a_l = select(1u, params.m, TRANS_A);
  let b_col = select(1u, params.k, TRANS_B);
  let b_l = select(params.n, 1u, TRANS_B);
  var upper: vec4u;
  var lower: vec4u;
  var left: vec4u;
  var right: vec4u;
  for (var r = 0u; r < 4u; r++) {
    upper[r] = min(row + r, params.m - 1u) * a_row;
    lower[r] = min(row + 4u + r, params.m - 1u) * a_row;
    left[r] = min(col + r, params.n - 1u) * b_col;
    right[r] = min(col + 4u + r, params.n - 1u) * b_col;
  }
  // The block as four 4×4 quarters, c<upper or lower half><left or right half>: column i of a
  // quarter is row i of C's block there.
  var c00: mat4x4f; var c01: mat4x4f; var c10: mat4x4f; var c11: mat4x4f;
  var ia = z * params.a_stride;
  var ib = z * params.b_stride;
  for (var l = 0u; l < params.k; l++) {
    let bl = vec4f(b[ib + left.x], b[ib + left.y], b[ib + left.z], b[ib + left.w]);
    let br = vec4f(b[ib + right.x], b[ib + right.y], b[ib + right.z], b[ib + right.w]);
    let au = vec4f(a[ia + upper.x], a[ia + upper.y], a[ia + upper.z], a[ia + upper.w]);
    let al = vec4f(a[ia + lower.x], a[ia + lower.y], a[ia + lower.z], a[ia + lower.w]);
    c00 = outer(au, bl, c00);
    c01 = outer(au, br, c01);
    c10 = outer(al, bl, c10);
    c11 = outer(al, br, c11);
    ia += a_l;
    ib += b_l;
  }
  // Copied out (one copy, a var) before the variable indices below: a variable index into the
  // accumulators themselves would put them in memory for the whole loop above.
  var lo = array(c00, c10);
  var hi = array(c01, c11);
  for (var r = 0u; r < 8u; r++) {
    if (row + r >= params.m) { break; }
    for (var q = 0u; q < 4u; q++) {
      if (col + q < params.n) { store(z, row + r, col + q, lo[r / 4u][r % 4u][q]); }
      if (col + 4u + q < params.n) { store(z, row + r, col + 4u + q, hi[r / 4u][r % 4u][q]); }
    }
  }
}

@compute @workgroup_size(THREADS, THREADS)
fn matmul(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_id) local: vec3u) {
  let tile = THREADS * BLOCK;
  let threads = THREADS * THREADS;
  let row0 = group.y * tile;
  let col0 = group.x * tile;
  let thread = local.y * THREADS + local.x;
  let z = group.z;
  var acc: array<f32, 16>;

  for (var k0 = 0u; k0 < params.k; k0 += TILE_K) {
    // tile·TILE_K entries of each tile, spread over the threads, in the index order that
    // makes the global reads contiguous for the stored layout.
    for (var idx = thread; idx < tile * TILE_K; idx += threads) {
      if (TRANS_A) {
        let row = idx % tile; let kk = idx / tile;
        a_tile[kk * tile + row] = load_a(z, row0 + row, k0 + kk);
      } else {
        let kk = idx % TILE_K; let row = idx / TILE_K;
        a_tile[kk * tile + row] = load_a(z, row0 + row, k0 + kk);
      }
      if (TRANS_B) {
        let kk = idx % TILE_K; let col = idx / TILE_K;
        b_tile[kk * tile + col] = load_b(z, k0 + kk, col0 + col);
      } else {
        let col = idx % tile; let kk = idx / tile;
        b_tile[kk * tile + col] = load_b(z, k0 + kk, col0 + col);
      }
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TILE_K; kk++) {
      var a_reg: array<f32, 4>;
      var b_reg: array<f32, 4>;
      for (var r = 0u; r < BLOCK; r++) { a_reg[r] = a_tile[kk * tile + local.y + r * THREADS]; }
      for (var q = 0u; q < BLOCK; q++) { b_reg[q] = b_tile[kk * tile + local.x + q * THREADS]; }
      for (var r = 0u; r < BLOCK; r++) {
        for (var q = 0u; q < BLOCK; q++) {
          acc[r * BLOCK + q] = fma(a_reg[r], b_reg[q], acc[r * BLOCK + q]);
        }
      }
    }
    workgroupBarrier();
  }

  for (var r = 0u; r < BLOCK; r++) {
    let row = row0 + local.y + r * THREADS;
    if (row >= params.m) { continue; }
    for (var q = 0u; q < BLOCK; q++) {
      let col = col0 + local.x + q * THREADS;
      if (col >= params.n) { continue; }
      store(z, row, col, acc[r * BLOCK + q]);
    }
  }
}

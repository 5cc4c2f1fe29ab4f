// A hidden layer's activation and its slope, chosen by the ACTIVATION override (the order of
// ACTIVATIONS in src/backend.ts). Prepended to the modules that use it (src/gpu/shaders.ts).
// The slope is written in terms of the layer's output y, the value the backward reads.

override ACTIVATION: u32 = 0u;  // 0 linear, 1 relu, 2 tanh, 3 sigmoid

fn activate(x: f32) -> f32 {
  switch ACTIVATION {
    case 1u: { return max(x, 0.0); }
    // tanh from exp(−2|x|), which cannot overflow: a built-in tanh may give NaN for large |x|.
    case 2u: {
      let e = exp(-2.0 * abs(x));
      return sign(x) * (1.0 - e) / (1.0 + e);
    }
    case 3u: { return 1.0 / (1.0 + exp(-x)); }
    default: { return x; }
  }
}

fn activation_slope(y: f32) -> f32 {
  switch ACTIVATION {
    case 1u: { return select(0.0, 1.0, y > 0.0); }
    case 2u: { return 1.0 - y * y; }
    case 3u: { return y * (1.0 - y); }
    default: { return 1.0; }
  }
}

;; The CPU backend's matrix product in WebAssembly with 128-bit SIMD: C = act(A·B [+ C] [+ bias]).
;;
;; The host writes A, B, C (when accumulating) and the bias as they are, one after another
;; from byte 64, and calls product(); it lays them out for the 4 × 8 register block (8
;; accumulators of 4 lanes, two B vectors and one broadcast A value: 11 of the 16 vector
;; registers x86-64 has, so V8 keeps the whole block in registers; NOTES §17), multiplies,
;; and leaves C, m × n, where the host wrote it.
;;
;; Working layouts (f32), after the host's, growing the memory as needed:
;;   packed A: mp × k row-major, mp = m rounded up to 4, the extra rows zero;
;;   packed B: np / 8 panels, each k × 8 contiguous (row l of panel p holds B[l][8p .. 8p+7]),
;;             np = n rounded up to 8, the extra columns zero: the inner loop reads it in order;
;;   padded C: mp × np row-major; padded bias: np values.
;;
;; The build also makes a second binary with each f32x4.add-of-f32x4.mul fused into one
;; f32x4.relaxed_madd (build/wat-to-wasm.ts, fuseMultiplyAdds), for browsers with relaxed SIMD:
;; FMA halves the inner loop's arithmetic (NOTES §17). Only this text is written by hand.
(module
  (memory (export "memory") 1)

  ;; rows × cols from src (row stride ss floats) to dst (row stride ds), zero past cols up to ds.
  (func $copy_rows (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32) (param $ss i32) (param $ds i32)
    (local $i i32) (local $j i32)
    (block $done
      (br_if $done (i32.or (i32.eqz (local.get $rows)) (i32.eqz (local.get $ds))))
      (loop $row
        (local.set $j (i32.const 0))
        (loop $col
          (f32.store
            (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $ds)) (local.get $j)) (i32.const 2)))
            (if (result f32) (i32.lt_u (local.get $j) (local.get $cols))
              (then (f32.load (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $ss)) (local.get $j)) (i32.const 2)))))
              (else (f32.const 0))))
          (br_if $col (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $ds))))
        (br_if $row (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $rows))))))

  ;; The memory grown to at least $bytes (the host calls it before writing the operands).
  (func $reserve (export "reserve") (param $bytes i32)
    (if (i32.gt_u (local.get $bytes) (i32.shl (memory.size) (i32.const 16)))
      (then
        (if (i32.lt_s
              (memory.grow (i32.sub (i32.shr_u (i32.add (local.get $bytes) (i32.const 65535)) (i32.const 16)) (memory.size)))
              (i32.const 0))
          (then unreachable)))))

  ;; C = act(A·B [+ C] [+ bias]) for the operands the host wrote from byte 64: A (m × k, or
  ;; k × m with flags & 4), B (k × n, or n × k with flags & 8), C (m × n), bias (n, used with
  ;; flags & 16); flags & 1 accumulates into C, flags & 2 applies relu.
  (func (export "product") (param $m i32) (param $n i32) (param $k i32) (param $flags i32)
    (local $a i32) (local $b i32) (local $c i32) (local $bias i32) (local $mp i32) (local $np i32)
    (local $pa i32) (local $pb i32) (local $pc i32) (local $pbias i32) (local $end i32) (local $whole i32)
    (local.set $mp (i32.and (i32.add (local.get $m) (i32.const 3)) (i32.const -4)))
    (local.set $np (i32.and (i32.add (local.get $n) (i32.const 7)) (i32.const -8)))
    (local.set $a (i32.const 64)) ;; OPERANDS in wasm-matmul.ts, in floats: 16
    (local.set $b (i32.add (local.get $a) (i32.shl (i32.mul (local.get $m) (local.get $k)) (i32.const 2))))
    (local.set $c (i32.add (local.get $b) (i32.shl (i32.mul (local.get $k) (local.get $n)) (i32.const 2))))
    (local.set $bias (i32.add (local.get $c) (i32.shl (i32.mul (local.get $m) (local.get $n)) (i32.const 2))))
    ;; The working regions start on a 64-byte line after the host's.
    (local.set $pa (i32.and (i32.add (i32.add (local.get $bias) (i32.shl (local.get $n) (i32.const 2))) (i32.const 63)) (i32.const -64)))
    (local.set $pb (i32.add (local.get $pa) (i32.shl (i32.mul (local.get $mp) (local.get $k)) (i32.const 2))))
    (local.set $pc (i32.add (local.get $pb) (i32.shl (i32.mul (local.get $np) (local.get $k)) (i32.const 2))))
    (local.set $pbias (i32.add (local.get $pc) (i32.shl (i32.mul (local.get $mp) (local.get $np)) (i32.const 2))))
    (local.set $end (i32.add (local.get $pbias) (i32.shl (local.get $np) (i32.const 2))))
    (call $reserve (local.get $end))
    ;; A not transposed with whole blocks of rows is its own packed form; C and the bias with
    ;; whole blocks of both are their own padded forms: no copies (NOTES §17, the small products).
    (if (i32.and (i32.eqz (i32.and (local.get $flags) (i32.const 4))) (i32.eq (local.get $m) (local.get $mp)))
      (then (local.set $pa (local.get $a)))
      (else (call $pack_a (local.get $a) (local.get $pa) (local.get $m) (local.get $k) (local.get $mp) (i32.and (local.get $flags) (i32.const 4)))))
    (call $pack_b (local.get $b) (local.get $pb) (local.get $k) (local.get $n) (local.get $np) (i32.and (local.get $flags) (i32.const 8)))
    (local.set $whole (i32.and (i32.eq (local.get $m) (local.get $mp)) (i32.eq (local.get $n) (local.get $np))))
    (if (local.get $whole)
      (then
        (local.set $pc (local.get $c))
        (local.set $pbias (local.get $bias)))
      (else
        (if (i32.and (local.get $flags) (i32.const 1))
          (then (call $copy_rows (local.get $c) (local.get $pc) (local.get $m) (local.get $n) (local.get $n) (local.get $np))))
        (if (i32.and (local.get $flags) (i32.const 16))
          (then (call $copy_rows (local.get $bias) (local.get $pbias) (i32.const 1) (local.get $n) (local.get $n) (local.get $np))))))
    (call $matmul (local.get $pa) (local.get $pb) (local.get $pc) (local.get $mp) (local.get $np) (local.get $k)
      (i32.and (local.get $flags) (i32.const 3))
      (select (local.get $pbias) (i32.const 0) (i32.and (local.get $flags) (i32.const 16))))
    (if (i32.eqz (local.get $whole))
      (then (call $copy_rows (local.get $pc) (local.get $c) (local.get $m) (local.get $n) (local.get $np) (local.get $n)))))

  ;; dst[i][l] = trans ? src[l][i] : src[i][l], for i < m; rows m .. mp − 1 zero.
  (func $pack_a (param $src i32) (param $dst i32) (param $m i32) (param $k i32) (param $mp i32) (param $trans i32)
    (local $i i32) (local $l i32) (local $v f32)
    (loop $rows
      (local.set $l (i32.const 0))
      (block $done
        (br_if $done (i32.eqz (local.get $k)))
        (loop $cols
          (local.set $v (f32.const 0))
          (if (i32.lt_u (local.get $i) (local.get $m))
            (then
              (local.set $v (f32.load
                (i32.add (local.get $src) (i32.shl
                  (select
                    (i32.add (i32.mul (local.get $l) (local.get $m)) (local.get $i))
                    (i32.add (i32.mul (local.get $i) (local.get $k)) (local.get $l))
                    (local.get $trans))
                  (i32.const 2)))))))
          (f32.store (local.get $dst) (local.get $v))
          (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
          (br_if $cols (i32.lt_u (local.tee $l (i32.add (local.get $l) (i32.const 1))) (local.get $k)))))
      (br_if $rows (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $mp)))))

  ;; Panel p, row l, lane c = trans ? src[8p + c][l] : src[l][8p + c], zero past column n.
  (func $pack_b (param $src i32) (param $dst i32) (param $k i32) (param $n i32) (param $np i32) (param $trans i32)
    (local $j0 i32) (local $l i32) (local $c i32) (local $j i32) (local $v f32)
    (loop $panels
      (local.set $l (i32.const 0))
      (block $done
        (br_if $done (i32.eqz (local.get $k)))
        (loop $rows
          (local.set $c (i32.const 0))
          (loop $lanes
            (local.set $j (i32.add (local.get $j0) (local.get $c)))
            (local.set $v (f32.const 0))
            (if (i32.lt_u (local.get $j) (local.get $n))
              (then
                (local.set $v (f32.load
                  (i32.add (local.get $src) (i32.shl
                    (select
                      (i32.add (i32.mul (local.get $j) (local.get $k)) (local.get $l))
                      (i32.add (i32.mul (local.get $l) (local.get $n)) (local.get $j))
                      (local.get $trans))
                    (i32.const 2)))))))
            (f32.store (local.get $dst) (local.get $v))
            (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
            (br_if $lanes (i32.lt_u (local.tee $c (i32.add (local.get $c) (i32.const 1))) (i32.const 8))))
          (br_if $rows (i32.lt_u (local.tee $l (i32.add (local.get $l) (i32.const 1))) (local.get $k)))))
      (br_if $panels (i32.lt_u (local.tee $j0 (i32.add (local.get $j0) (i32.const 8))) (local.get $np)))))

  ;; One 4 × 8 block of C at $pc (row stride $rs bytes) from A rows at $pa (stride k) and
  ;; the B panel at $pb: the sums over l, then + C (flags & 1), + bias (if $bias), relu (flags & 2).
  ;; relu is pmax(0, x): 0 < x ? x : 0, so NaN becomes 0 as the TypeScript twin's x > 0 ? x : 0.
  (func $block (param $pa i32) (param $pb i32) (param $pc i32) (param $k i32) (param $rs i32) (param $flags i32) (param $bias i32)
    (local $ka i32) (local $x v128) (local $b0 v128) (local $b1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $pa1 i32) (local $pa2 i32) (local $pa3 i32) (local $end i32)
    (local.set $ka (i32.shl (local.get $k) (i32.const 2)))
    (local.set $pa1 (i32.add (local.get $pa) (local.get $ka)))
    (local.set $pa2 (i32.add (local.get $pa1) (local.get $ka)))
    (local.set $pa3 (i32.add (local.get $pa2) (local.get $ka)))
    (local.set $end (i32.add (local.get $pa) (local.get $ka)))
    (block $empty
      (br_if $empty (i32.eqz (local.get $k)))
      (loop $sum
        (local.set $b0 (v128.load (local.get $pb)))
        (local.set $b1 (v128.load offset=16 (local.get $pb)))
        (local.set $x (f32x4.splat (f32.load (local.get $pa))))
        (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (f32x4.splat (f32.load (local.get $pa1))))
        (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (f32x4.splat (f32.load (local.get $pa2))))
        (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (f32x4.splat (f32.load (local.get $pa3))))
        (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $pb (i32.add (local.get $pb) (i32.const 32)))
        (local.set $pa1 (i32.add (local.get $pa1) (i32.const 4)))
        (local.set $pa2 (i32.add (local.get $pa2) (i32.const 4)))
        (local.set $pa3 (i32.add (local.get $pa3) (i32.const 4)))
        (br_if $sum (i32.lt_u (local.tee $pa (i32.add (local.get $pa) (i32.const 4))) (local.get $end)))))
    (call $finish (local.get $pc) (local.get $c00) (local.get $c01) (local.get $flags) (local.get $bias))
    (local.set $pc (i32.add (local.get $pc) (local.get $rs)))
    (call $finish (local.get $pc) (local.get $c10) (local.get $c11) (local.get $flags) (local.get $bias))
    (local.set $pc (i32.add (local.get $pc) (local.get $rs)))
    (call $finish (local.get $pc) (local.get $c20) (local.get $c21) (local.get $flags) (local.get $bias))
    (local.set $pc (i32.add (local.get $pc) (local.get $rs)))
    (call $finish (local.get $pc) (local.get $c30) (local.get $c31) (local.get $flags) (local.get $bias)))

  ;; The epilogue of one row of a block: 8 values at $pc.
  (func $finish (param $pc i32) (param $s0 v128) (param $s1 v128) (param $flags i32) (param $bias i32)
    (if (i32.and (local.get $flags) (i32.const 1))
      (then
        (local.set $s0 (f32x4.add (local.get $s0) (v128.load (local.get $pc))))
        (local.set $s1 (f32x4.add (local.get $s1) (v128.load offset=16 (local.get $pc))))))
    (if (local.get $bias)
      (then
        (local.set $s0 (f32x4.add (local.get $s0) (v128.load (local.get $bias))))
        (local.set $s1 (f32x4.add (local.get $s1) (v128.load offset=16 (local.get $bias))))))
    (if (i32.and (local.get $flags) (i32.const 2))
      (then
        (local.set $s0 (f32x4.pmax (v128.const i32x4 0 0 0 0) (local.get $s0)))
        (local.set $s1 (f32x4.pmax (v128.const i32x4 0 0 0 0) (local.get $s1)))))
    (v128.store (local.get $pc) (local.get $s0))
    (v128.store offset=16 (local.get $pc) (local.get $s1)))

  ;; C (mp × np) from packed A (mp × k) and packed B (np / 8 panels of k × 8). $bias, when not
  ;; 0, points at np values (the host pads it); flags: 1 accumulate into C, 2 relu. Rows go in
  ;; bands of 64 so a band of A stays in cache while every B panel passes it (NOTES §17).
  (func $matmul (param $a i32) (param $b i32) (param $c i32) (param $mp i32) (param $np i32) (param $k i32) (param $flags i32) (param $bias i32)
    (local $i i32) (local $i0 i32) (local $i1 i32) (local $j i32) (local $rs i32) (local $pb i32) (local $bj i32)
    (local.set $rs (i32.shl (local.get $np) (i32.const 2)))
    (block $none
      (br_if $none (i32.or (i32.eqz (local.get $mp)) (i32.eqz (local.get $np))))
      (loop $bands
        (local.set $i1 (select (local.get $mp) (i32.add (local.get $i0) (i32.const 64))
          (i32.lt_u (local.get $mp) (i32.add (local.get $i0) (i32.const 64)))))
        (local.set $j (i32.const 0))
        (loop $panels
          (local.set $pb (i32.add (local.get $b) (i32.shl (i32.mul (local.get $j) (local.get $k)) (i32.const 2))))
          (local.set $bj (select (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2))) (i32.const 0) (local.get $bias)))
          (local.set $i (local.get $i0))
          (loop $rows
            (call $block
              (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i) (local.get $k)) (i32.const 2)))
              (local.get $pb)
              (i32.add (local.get $c) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $np)) (local.get $j)) (i32.const 2)))
              (local.get $k) (local.get $rs) (local.get $flags) (local.get $bj))
            (br_if $rows (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (local.get $i1))))
          (br_if $panels (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 8))) (local.get $np))))
        (br_if $bands (i32.lt_u (local.tee $i0 (local.get $i1)) (local.get $mp))))))
)

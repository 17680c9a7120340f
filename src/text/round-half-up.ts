// Rounding as documents promise it (四舍五入): half away from zero, on the decimal value a
// person reads, not on its binary neighbour. 11.875 × 100 is 1187.4999999999998 in binary
// arithmetic, which Math.round takes down to 11.87; twelve significant digits first remove
// that noise, so 11.875 becomes 11.88 in every output (notice, ticket list, report, summary).

/** `x` rounded half away from zero to `digits` decimals (two by default); never −0. */
export function roundHalfUp(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const scale = 10 ** digits;
  const scaled = Number((Math.abs(x) * scale).toPrecision(12));
  const r = (Math.sign(x) * Math.round(scaled)) / scale;
  return r === 0 ? 0 : r;
}

/**
 * Integer division with an explicit direction. BigInt `/` truncates toward zero, which rounds negative
 * amounts the "wrong" way for a conservative bound, so every division in this package goes through here.
 */
export function divFloor(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return numerator % denominator !== 0n && numerator < 0n !== denominator < 0n ? quotient - 1n : quotient;
}

export function divCeil(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return numerator % denominator !== 0n && numerator < 0n === denominator < 0n ? quotient + 1n : quotient;
}

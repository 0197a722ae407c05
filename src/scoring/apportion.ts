/**
 * Rounds non-negative amounts to whole units so that they add up to exactly `total`
 * (largest-remainder method; ties go to the earlier amount). Used to show score deductions in
 * tenths of a point that sum to the rounded score.
 */
export function apportion(amounts: readonly number[], total: number): number[] {
  const floors = amounts.map((amount) => Math.floor(amount + 1e-9));
  let remaining = total - floors.reduce((sum, value) => sum + value, 0);
  const order = amounts
    .map((amount, index) => ({ index, remainder: amount - (floors[index] ?? 0) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; remaining > 0 && order.length > 0; i = (i + 1) % order.length) {
    const entry = order[i];
    if (entry) floors[entry.index] = (floors[entry.index] ?? 0) + 1;
    remaining--;
  }
  // Only floating-point noise can make the floors overshoot; take it back from the largest.
  for (let i = 0; remaining < 0 && order.length > 0; i = (i + 1) % order.length) {
    const entry = order[order.length - 1 - i];
    if (entry && (floors[entry.index] ?? 0) > 0) {
      floors[entry.index] = (floors[entry.index] ?? 0) - 1;
      remaining++;
    }
  }
  return floors;
}

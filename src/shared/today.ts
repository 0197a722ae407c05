/** Today's date (UTC) as `YYYY-MM-DD`: the default `asOf` waivers expire against. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

import type { CvssCalculator } from './cvss-calculator.js';

/** The numeric weight the library holds for a metric's current value (1 when not set). */
function weightOf(calc: CvssCalculator, metric: string): number {
  const value: unknown = calc.getComponentByStringOpt(metric);
  if (typeof value === 'object' && value !== null && 'value' in value && typeof value.value === 'number') return value.value;
  return 1;
}

/**
 * CVSS v2 temporal score in exact decimal arithmetic:
 * round_to_1_decimal(BaseScore × E × RL × RC), half up, as the v2 guide defines it.
 *
 * Why not the library's value: it multiplies binary floats, so a product that is exactly on a half
 * (9.0 × 0.95 = 8.55) comes out as 8.549999… and rounds down to 8.5 where the spec, NVD and Red Hat's
 * reference give 8.6 (vector AV:N/AC:L/Au:S/C:C/I:C/A:C/E:F/RL:U/RC:C). The base score has one
 * decimal and every v2 temporal weight two, so scaling to integers makes the product exact.
 */
export function exactCvss2TemporalScore(calc: CvssCalculator, baseScore: number): number {
  const tenths = Math.round(baseScore * 10);
  const [e, rl, rc] = ['E', 'RL', 'RC'].map((m) => Math.round(weightOf(calc, m) * 100));
  const product = tenths * (e ?? 100) * (rl ?? 100) * (rc ?? 100); // score × 10^7
  return Math.floor((product + 500_000) / 1_000_000) / 10;
}

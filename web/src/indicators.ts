import { formatNumber, locale } from "./i18n";
import type { Indicator, Session } from "./api";

// The default "as of" day for indicators: today, or the partnership's last
// day when its period is over (the demo's partnership ran 2017–2019).
export function defaultAsOf(session: Session, today: string): string {
  const end = session.partnership_period?.to;
  return end && end < today ? end : today;
}

// A value in its unit: "184", "35,9 pr. 1.000", "7,0 %".
export function formatIndicator(value: number, unit: string): string {
  if (unit === "count") return formatNumber(Math.round(value));
  const rounded = new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  if (unit === "percent") return `${rounded} %`;
  if (unit === "per_1000") return locale() === "da-DK" ? `${rounded} pr. 1.000` : `${rounded} per 1,000`;
  return rounded;
}

// The change from the baseline in percent, or null without one.
export function changeFromBaseline(indicator: Indicator): number | null {
  if (indicator.value === null || !indicator.baseline || indicator.baseline.value === 0) return null;
  return ((indicator.value - indicator.baseline.value) / indicator.baseline.value) * 100;
}

// Days as the API writes them (YYYY-MM-DD, UTC): the one place the UI does
// calendar arithmetic.

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// The first and last day of quarter 1–4 of a year.
export function quarterPeriod(year: number, quarter: number): { from: string; to: string } {
  const from = new Date(Date.UTC(year, (quarter - 1) * 3, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
  return { from, to };
}

// The last day of each quarter from `from` to `to`, both YYYY-MM-DD.
export function quarterEnds(from: string, to: string): string[] {
  const ends: string[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    for (let quarter = 1; quarter <= 4; quarter += 1) {
      const end = quarterPeriod(year, quarter).to;
      if (end >= from && end <= to) ends.push(end);
    }
  }
  return ends;
}

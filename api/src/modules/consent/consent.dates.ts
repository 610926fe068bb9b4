/**
 * Calendar days as consent speaks of them: 'YYYY-MM-DD' strings in UTC, inclusive, as the `date` columns
 * store them. String arithmetic through Date.UTC, so no server time zone can shift a day.
 */

/** Whether a 'YYYY-MM-DD' string names a real day: JavaScript quietly turns 31 February into 3 March. */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false
  const d = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** 29 February plus a year is 1 March. */
export function addYears(day: string, years: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  return d.toISOString().slice(0, 10)
}

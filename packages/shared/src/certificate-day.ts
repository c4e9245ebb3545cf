// Kept in a module without zod, so the renderer's start-up code can use it without loading the schemas.

/** The day a certificate's date falls on, as a person writes it (2027-03-01); the text as given when it is not a date. */
export function certificateDay(date: string): string {
  const time = Date.parse(date);
  return Number.isNaN(time) ? date : new Date(time).toISOString().slice(0, 10);
}

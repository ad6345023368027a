// Dates and times as people read them (the browser's locale and time zone).
const dateTime = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
});
const date = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatDate = (iso: string) => date.format(new Date(iso));

/** A datetime-local input's value (local time) as an ISO instant. */
export const fromLocalInput = (value: string) => new Date(value).toISOString();

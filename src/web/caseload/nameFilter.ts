// Filtering a caseload by part of a name happens here, in the browser: names never travel in a
// URL (browser history, proxy logs), and the server can only match a whole name by its blind index.

const normalise = (text: string) =>
  text.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");

/** The rows whose name contains `text` (case, accents' forms and spacing aside); all when empty. */
export function filterByName<T extends { name: string }>(
  rows: T[],
  text: string,
): T[] {
  const wanted = normalise(text);
  if (!wanted) return rows;
  return rows.filter((row) => normalise(row.name).includes(wanted));
}

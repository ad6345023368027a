// Problems every page must show until they are fixed (issue 14): urgent-alert email that cannot
// be sent, and, to administrators, empty crisis information. Read again on each page change.
import { fetchWarnings } from "../api/warnings";
import { usePathname } from "../router";
import { useLoad } from "./useLoad";

export function WarningsBanner() {
  const warnings = useLoad(fetchWarnings, usePathname());
  const items = warnings.data ?? [];
  if (items.length === 0) return null;
  return (
    <section className="notice warnings" aria-label="Warnings">
      <ul className="plain">
        {items.map((w) => (
          <li key={w.code}>
            <strong>Warning:</strong> {w.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

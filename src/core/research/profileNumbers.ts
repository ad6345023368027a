// The numbers of a stored transcript profile as (measure, value) pairs. Strings are skipped, so no
// text can travel even if a later profile version adds some; lists are exported as their length.

export function profileNumbers(
  profile: unknown,
  prefix = "",
): [string, number][] {
  if (typeof profile === "number")
    return Number.isFinite(profile) ? [[prefix, profile]] : [];
  if (typeof profile === "boolean") return [[prefix, profile ? 1 : 0]];
  if (Array.isArray(profile)) return [[`${prefix}.count`, profile.length]];
  if (profile === null || typeof profile !== "object") return [];
  return Object.entries(profile)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([key, value]) =>
      profileNumbers(value, prefix ? `${prefix}.${key}` : key),
    );
}

// Orders pack versions (semantic versions, https://semver.org §11) so "the latest" is well defined.

function parts(version: string): { core: number[]; pre: string | null } {
  const [main = "", pre] = version.split("+")[0]?.split(/-(.*)/s) ?? [];
  return { core: main.split(".").map(Number), pre: pre ?? null };
}

function comparePre(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // a release ranks above its pre-releases
  if (b === null) return -1;
  const as = a.split(".");
  const bs = b.split(".");
  for (let i = 0; i < Math.max(as.length, bs.length); i++) {
    const x = as[i];
    const y = bs[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    if (!Number.isNaN(nx)) return -1;
    if (!Number.isNaN(ny)) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Negative when a precedes b, positive when it follows, 0 when equal (semver precedence).
 * @example ["1.10.0", "1.2.0"].sort(compareVersions) // ["1.2.0", "1.10.0"]
 */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 3; i++) {
    const d = (pa.core[i] ?? 0) - (pb.core[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return Math.sign(comparePre(pa.pre, pb.pre));
}

import { Matrix } from "ml-matrix";
import type { LmmGroup } from "./linearMixedModelTypes.js";

/** The sufficient cross-products of one group; the EM loop never touches raw rows again. */
export interface GroupCrossProducts {
  readonly n: number;
  readonly XtX: Matrix;
  readonly XtZ: Matrix;
  readonly ZtX: Matrix;
  readonly ZtZ: Matrix;
  readonly Xty: Matrix;
  readonly Zty: Matrix;
  readonly yty: number;
}

/** Checks shapes (a wrong call throws) and computes X'X, X'Z, Z'Z, X'y, Z'y and y'y. */
export function groupCrossProducts(
  group: LmmGroup,
  p: number,
  q: number,
): GroupCrossProducts {
  const n = group.y.length;
  if (n === 0 || group.X.length !== n || group.Z.length !== n) {
    throw new RangeError(
      `group needs n > 0 rows in y, X and Z alike (got ${n}, ${group.X.length}, ${group.Z.length})`,
    );
  }
  if (
    group.X.some((row) => row.length !== p) ||
    group.Z.some((row) => row.length !== q)
  ) {
    throw new RangeError(`every X row needs ${p} columns and every Z row ${q}`);
  }
  const X = new Matrix(group.X.map((row) => [...row]));
  const Z = new Matrix(group.Z.map((row) => [...row]));
  const y = Matrix.columnVector([...group.y]);
  const Xt = X.transpose();
  const Zt = Z.transpose();
  const XtZ = Xt.mmul(Z);
  return {
    n,
    XtX: Xt.mmul(X),
    XtZ,
    ZtX: XtZ.transpose(),
    ZtZ: Zt.mmul(Z),
    Xty: Xt.mmul(y),
    Zty: Zt.mmul(y),
    yty: group.y.reduce((sum, v) => sum + v * v, 0),
  };
}

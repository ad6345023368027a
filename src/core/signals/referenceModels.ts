// The bundled reference trajectory models (simulated cohorts; see models/reference-trajectory.json
// and docs/signals.md). Imported statically so the core stays free of file I/O.
import reference from "../../../models/reference-trajectory.json" with { type: "json" };
import { parseTrajectoryModel } from "../stats/parseTrajectoryModel.js";
import type { TrajectoryModel } from "../stats/trajectoryModel.js";

let cache: ReadonlyMap<string, TrajectoryModel> | undefined;

/** Reference models by instrument id (PHQ-9, GAD-7). */
export function referenceModels(): ReadonlyMap<string, TrajectoryModel> {
  if (cache) return cache;
  const entries = Object.entries(reference as Record<string, unknown>).filter(
    ([key]) => key !== "note",
  );
  cache = new Map(
    entries.map(([id, json]) => [id, parseTrajectoryModel(json)]),
  );
  return cache;
}

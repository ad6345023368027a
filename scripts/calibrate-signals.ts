// Simulates cohorts with known truth and prints what each signal rule flags (issue 6, deliverable
// 3; issue 14, item 14). Deterministic: fixed seeds. Figures go into docs/signals.md, and a test
// (scripts/calibration/calibration.test.ts) fails when the two drift apart.
import { calibrationReport } from "./calibration/report.js";

process.stdout.write(calibrationReport());

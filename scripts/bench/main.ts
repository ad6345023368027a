// npm run bench: every case reports its figure as a ratio to a baseline measured in the same run.
import { benchCheckins } from "./checkins.js";
import { benchHttp } from "./http.js";
import { benchTranscripts } from "./transcripts.js";
import type { BenchResult } from "./types.js";
import { benchWorkspace } from "./workspace.js";

const CASES: Record<string, () => Promise<BenchResult[]>> = {
  http: benchHttp,
  checkins: benchCheckins,
  transcripts: benchTranscripts,
  workspace: benchWorkspace,
};

const only = process.argv.slice(2);
const rows: BenchResult[] = [];
for (const [name, run] of Object.entries(CASES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  rows.push(...(await run()));
}
const fmt = (n: number) =>
  n >= 100 ? Math.round(n).toLocaleString("en") : n.toFixed(2);
console.log("| case | value | baseline | baseline value | ratio |");
console.log("|---|---|---|---|---|");
for (const r of rows)
  console.log(
    `| ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.baseline} | ${fmt(r.baselineValue)} ${r.unit} | ${r.ratio.toFixed(2)}× |`,
  );

// Transcript analysis throughput (words/s) against a bare wink-nlp tokenisation pass over the same
// utterances, in-process and as whole CLI processes, on a synthetic ~1M-word transcript made of
// repeated AnnoMI utterances (issue 7: target <= 2x the bare cost, i.e. ratio >= 0.5; 9,000 words
// well under 1 s).
// In-process cases compare CPU time, whole processes wall time; each is the fastest of
// interleaved runs.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  analyzeTranscript,
  type Utterance,
} from "../../src/core/transcripts/index.js";
import { tokenizer } from "../../src/core/transcripts/coding/tokenize.js";
import { readAnnoMiFull } from "../../src/core/transcripts/training/annomi.js";
import { loadBundledModels } from "../../src/cli/analyze.js";
import type { BenchResult } from "./types.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ANNOMI = join(ROOT, "../shared/data/annomi/AnnoMI-full.train.csv");

function syntheticTranscript(targetWords: number): Utterance[] {
  const source = readAnnoMiFull(readFileSync(ANNOMI, "utf8"));
  const out: Utterance[] = [];
  let words = 0;
  for (let i = 0; words < targetWords; i++) {
    const u = source[i % source.length]!;
    out.push({
      speaker: u.role === "therapist" ? "Therapist" : "Client",
      text: u.text,
      line: out.length + 1,
    });
    words += u.text.split(/\s+/).filter(Boolean).length;
  }
  return out;
}

function countWords(utterances: readonly Utterance[]): number {
  return utterances.reduce(
    (n, u) => n + u.text.split(/\s+/).filter(Boolean).length,
    0,
  );
}

type Clock = (run: () => void) => number;

/** Wall-clock seconds. */
function seconds(run: () => void): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

/** CPU seconds of this process (all its threads): steadier than wall time on a shared machine. */
function cpuSeconds(run: () => void): number {
  const used = process.cpuUsage();
  run();
  const { user, system } = process.cpuUsage(used);
  return (user + system) / 1e6;
}

/** Fastest of several runs of each, interleaved: the minimum is the least disturbed by background load. */
function pairedFastest(
  a: () => void,
  b: () => void,
  repeats: number,
  clock: Clock,
): [number, number] {
  let best: [number, number] = [Infinity, Infinity];
  for (let i = 0; i < repeats; i++) {
    best = [Math.min(best[0], clock(a)), Math.min(best[1], clock(b))];
  }
  return best;
}

function bareTokenise(utterances: readonly Utterance[]): void {
  const nlp = tokenizer();
  for (const u of utterances) nlp.readDoc(u.text).tokens().out();
}

function result(
  name: string,
  baseline: string,
  words: number,
  time: number,
  baseTime: number,
): BenchResult {
  const value = words / time;
  const baselineValue = words / baseTime;
  return {
    name,
    baseline,
    value,
    baselineValue,
    unit: "words/s",
    ratio: value / baselineValue,
  };
}

// Whole processes run the built CLI (`npm run bench` builds it first) and a bare script under
// plain node, so neither pays for tsx's on-the-fly TypeScript compilation.
const CLI = join(ROOT, "dist/cli/main.js");
const CLI_BARE = `import { createReadStream } from "node:fs"; import { createInterface } from "node:readline";
import winkNLP from "wink-nlp"; import model from "wink-eng-lite-web-model";
const nlp = winkNLP(model, []); let n = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[1]) })) n += nlp.readDoc(line.slice(line.indexOf(":") + 1)).tokens().out().length;
process.stdout.write(String(n) + "\\n");`;

function runNode(args: readonly string[]): void {
  execFileSync(process.execPath, args, {
    cwd: ROOT,
    maxBuffer: 1 << 30,
    stdio: ["ignore", "pipe", "inherit"],
  });
}

async function inProcess(
  utterances: Utterance[],
  words: number,
): Promise<BenchResult[]> {
  const models = await loadBundledModels();
  bareTokenise(utterances.slice(0, 2000));
  analyzeTranscript(utterances.slice(0, 2000), models);
  const [bare, full] = pairedFastest(
    () => bareTokenise(utterances),
    () => analyzeTranscript(utterances, models),
    5,
    cpuSeconds,
  );
  const session = syntheticTranscript(9000);
  const sessionWords = countWords(session);
  const [sessionBare, sessionFull] = pairedFastest(
    () => bareTokenise(session),
    () => analyzeTranscript(session, models),
    9,
    cpuSeconds,
  );
  const sessionWall = pairedFastest(
    () => undefined,
    () => analyzeTranscript(session, models),
    5,
    seconds,
  )[1];
  return [
    result(
      "transcripts: analyse ~1M words in-process",
      "bare wink-nlp tokenisation",
      words,
      full,
      bare,
    ),
    result(
      "transcripts: analyse a 9,000-word session in-process",
      "bare wink-nlp tokenisation",
      sessionWords,
      sessionFull,
      sessionBare,
    ),
    {
      name: "transcripts: analyse a 9,000-word session, wall time",
      baseline: "issue 7 budget: well under 1 s",
      value: sessionWall,
      baselineValue: 1,
      unit: "s",
      ratio: sessionWall / 1,
    },
  ];
}

function asProcesses(
  utterances: readonly Utterance[],
  words: number,
): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), "rapport-bench-"));
  try {
    const file = join(dir, "session.txt");
    writeFileSync(
      file,
      utterances
        .map((u) => `${u.speaker}: ${u.text.replace(/\s+/g, " ")}`)
        .join("\n"),
    );
    const analyse = [
      "analyze",
      file,
      "--format",
      "json",
      "--therapist",
      "Therapist",
    ];
    const [bare, full] = pairedFastest(
      () => runNode(["--input-type=module", "-e", CLI_BARE, "--", file]),
      () => runNode([CLI, ...analyse]),
      3,
      seconds,
    );
    return result(
      "transcripts: `rapport analyze` ~1M words, whole process",
      "process reading + bare wink-nlp tokenisation",
      words,
      full,
      bare,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchTranscripts(): Promise<BenchResult[]> {
  const utterances = syntheticTranscript(1_000_000);
  const words = countWords(utterances);
  return [
    ...(await inProcess(utterances, words)),
    asProcesses(utterances, words),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchTranscripts()) {
    const show = (v: number) => (r.unit === "s" ? v.toFixed(3) : Math.round(v));
    console.log(
      `${r.name}: ${show(r.value)} ${r.unit} vs ${r.baseline} ${show(r.baselineValue)} ${r.unit} -> ratio ${r.ratio.toFixed(2)}${r.unit === "s" ? "" : ` (cost ${(1 / r.ratio).toFixed(2)}x)`}`,
    );
  }
}

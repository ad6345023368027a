// Attack (issue #15, item 3): ReDoS through a transcript upload. The speaker-prefix, voice-span
// and tag expressions backtracked quadratically (40,000 hostile characters took 2–3 s) and ran in
// the upload's body parser on the main thread, so one hostile cue stopped every request of every
// organisation. Now the parsers are linear, lines are bounded, and uploads are parsed in a thread.
import { performance } from "node:perf_hooks";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  parseTranscript,
  type TranscriptFormat,
} from "../../src/core/transcripts/index.js";
import { MAX_LINE_CHARS } from "../../src/core/transcripts/formats/lineLimit.js";
import { buildApp } from "../../src/server/app.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { signIn, type Session } from "../support/http.js";

/** The pieces the old expressions choked on: unclosed tags, voice openers, colons, odd spaces. */
const PIECES = [
  "<",
  ">",
  "<v",
  "<v ",
  "<v.",
  "<i>",
  ":",
  ": ",
  " ",
  "\t",
  "\r",
  "\u2028",
  "a",
  "Sam",
  "0:00",
  "[",
  "-->",
  ".",
];
/** Known-bad units, tried first by every run. */
const KNOWN = [["<"], ["<v a"], ["a:", " "], [" "], ["<v.", "x"]];

/** One line of `unit` repeated to about `chars` characters (well within the line limit). */
function hostileLine(unit: string, chars: number): string {
  return unit.repeat(Math.max(1, Math.floor(chars / unit.length)));
}

/** A transcript in `format` whose every line (and every cue's payload) is hostile. */
function hostileFile(
  format: Exclude<TranscriptFormat, "json">,
  line: string,
  cues: number,
): string {
  const parts: string[] = format === "vtt" ? ["WEBVTT", ""] : [];
  for (let i = 0; i < cues; i++) {
    if (format === "text") {
      parts.push(`Sam: ${line}`, line);
      continue;
    }
    if (format === "srt") parts.push(String(i + 1));
    parts.push(
      format === "vtt"
        ? "00:00.000 --> 00:01.000"
        : "00:00:00,000 --> 00:00:01,000",
      `<v Sam>${line}`,
      line,
      "",
    );
  }
  return parts.join("\n");
}

function millisToParse(text: string, format: TranscriptFormat): number {
  const started = performance.now();
  parseTranscript(text, format);
  return performance.now() - started;
}

describe("transcript parsers against hostile input (attack: ReDoS)", () => {
  // About 256 KB per file: 4 cues of two 30,000-character lines (a 60,000-character payload).
  const LINE = 30_000;
  const CUES = 4;
  const benign = hostileFile(
    "vtt",
    hostileLine("I hear you saying it has been hard. ", LINE),
    CUES,
  );
  // The same amount of ordinary text, parsed the same way, measured on this machine now.
  const baseline = Math.min(
    ...[1, 2, 3].map(() => millisToParse(benign, "vtt")),
  );
  const bound = 20 * baseline + 250; // generous on purpose: quadratic parsing took seconds

  it("parses every format in time linear in its size, whatever the pieces", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }),
        fc.constantFrom("vtt", "srt", "text" as const),
        (pieces, format) => {
          const file = hostileFile(
            format,
            hostileLine(pieces.join(""), LINE),
            CUES,
          );
          const took = millisToParse(file, format);
          expect(
            took,
            `${format} of ${JSON.stringify(pieces)}: ${took.toFixed(0)} ms, bound ${bound.toFixed(0)} ms`,
          ).toBeLessThan(bound);
        },
      ),
      {
        numRuns: 60,
        examples: KNOWN.flatMap((unit) =>
          (["vtt", "srt", "text"] as const).map(
            (format) => [unit, format] as [string[], typeof format],
          ),
        ),
      },
    );
  });

  it("refuses an over-long line at once, naming it", () => {
    const file = `WEBVTT\n\n00:00.000 --> 00:01.000\n<v Sam>${"<".repeat(MAX_LINE_CHARS)}\n`;
    const result = parseTranscript(file, "vtt");
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "line-too-long", line: 4 }),
    });
    const text = parseTranscript(
      `Sam: hi\n${"a:".repeat(MAX_LINE_CHARS)}`,
      "text",
    );
    expect(text.ok || text.error).toMatchObject({
      code: "line-too-long",
      line: 2,
    });
  });
});

describe.each(DIALECTS)("a hostile upload on %s (attack: ReDoS)", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let own: Session;
  let url: string;

  beforeAll(async () => {
    runtime = await testRuntime(dialect, {
      env: { RAPPORT_TRANSCRIPT_MAX_BYTES: String(2 * 1_048_576) },
    });
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    own = await signIn(app, "therapist1@demo.rapport.test");
    const client = (
      await own.post("/api/clients", { name: "Hostile Upload" })
    ).json<{ id: string }>();
    const session = (
      await own.post(`/api/clients/${client.id}/sessions`, {
        startsAt: "2026-11-02T10:00:00.000Z",
      })
    ).json<{ id: string }>();
    await own.post(`/api/clients/${client.id}/consents`, {
      kind: "transcript-analysis",
      granted: true,
    });
    url = `/api/clients/${client.id}/sessions/${session.id}/transcripts`;
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  function upload(body: string) {
    return app.inject({
      method: "POST",
      url,
      headers: {
        cookie: own.cookie,
        "x-csrf-token": own.csrfToken,
        "content-type": "text/vtt",
      },
      payload: body,
    });
  }

  it("keeps /healthz answering while a 1 MB hostile VTT is processed", async () => {
    // 1 MiB in cues of about 100 KB: four 25,000-character lines each (within the line limit)
    // of unclosed tags, voice openers or colons before a stray carriage return.
    const units = ["<", "<v a", "a:   \rx"];
    const cues: string[] = ["WEBVTT", ""];
    for (let i = 0; cues.join("\n").length < 1_048_576; i++) {
      const line = hostileLine(units[i % units.length] ?? "<", 25_000);
      cues.push(
        "00:00.000 --> 00:01.000",
        `<v Sam>${line}`,
        line,
        line,
        line,
        "",
      );
    }
    const body = cues.join("\n");
    expect(body.length).toBeGreaterThanOrEqual(1_048_576);

    // A probe every 20 ms; the gap between two answers bounds how long a request arriving in
    // between would wait (timing one request alone would miss a loop blocked between probes).
    let uploading = true;
    const gaps: number[] = [];
    // The last probe is sent after the upload is answered: it times a loop blocked meanwhile.
    const probe = (async () => {
      let last = performance.now();
      do {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const health = await app.inject({ method: "GET", url: "/healthz" });
        expect(health.statusCode).toBe(200);
        gaps.push(performance.now() - last);
        last = performance.now();
      } while (uploading);
    })();
    const started = performance.now();
    const response = await upload(body);
    const took = performance.now() - started;
    uploading = false;
    await probe;

    expect(response.statusCode, response.body).toBe(202);
    expect(Math.max(...gaps), `upload took ${took.toFixed(0)} ms`).toBeLessThan(
      2_000,
    );
    expect(gaps.length).toBeGreaterThan(0);
  });

  it("refuses a file with an over-long line with 400 and the line number", async () => {
    const body = `WEBVTT\n\n00:00.000 --> 00:01.000\n<v Sam>${"<".repeat(1_048_576)}\n`;
    const response = await upload(body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: {
        code: "validation",
        details: { line: 4, parseError: "line-too-long" },
      },
    });
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runAnalyze } from "./analyze.js";

const fixture = (name: string) =>
  fileURLToPath(
    new URL(`../core/transcripts/fixtures/${name}`, import.meta.url),
  );

describe("rapport analyze", () => {
  it("prints one JSON document with the documented utterance shape", async () => {
    const document = JSON.parse(
      await runAnalyze(fixture("session.vtt"), {
        format: "json",
        therapist: "Dr Lee",
      }),
    ) as {
      utterances: Record<string, unknown>[];
      profile: Record<string, unknown>;
    };
    expect(document.utterances).toHaveLength(3);
    for (const u of document.utterances) {
      for (const key of [
        "index",
        "speaker",
        "role",
        "text",
        "behaviour",
        "reflection",
        "question",
        "talk",
        "empathy",
        "markers",
        "confidence",
      ]) {
        expect(u).toHaveProperty(key);
      }
    }
    const [therapist, client] = document.utterances;
    expect(therapist).toMatchObject({
      index: 0,
      role: "therapist",
      talk: null,
      markers: [],
    });
    expect(therapist!.empathy).toEqual(
      expect.objectContaining({ emotionalReaction: expect.any(Number) }),
    );
    expect(client).toMatchObject({
      role: "client",
      behaviour: null,
      reflection: null,
      question: null,
      empathy: null,
    });
    expect(document.profile).toHaveProperty("reflectionToQuestion");
    expect(document.profile).toHaveProperty("feedback");
  });

  it("prints a readable report for every format", async () => {
    for (const name of [
      "session.vtt",
      "session.srt",
      "session.txt",
      "session.json",
    ]) {
      const report = await runAnalyze(fixture(name), { format: "text" });
      expect(report).toContain("Reflection:question ratio");
      expect(report).toContain("Dr Lee");
    }
  });

  it("labels the report an automated estimate and states feedback only as far as the codes' F1 allows", async () => {
    const report = await runAnalyze(fixture("session.txt"), { format: "text" });
    expect(report.split("\n")[0]).toBe(
      "Session profile (automated estimate, not a MITI rating)",
    );
    expect(report).toContain("(MITI 4 thresholds: fair 1:1, good 2:1)");
    expect(report).toContain(
      "  How sure (cross-validated F1 per code): reflection 0.69, question 0.90, simple-reflection 0.51, complex-reflection 0.54, change-talk 0.46, sustain-talk 0.29",
    );
    // The F1 comes from models/transcripts.eval.json, the record of the shipped model.
    expect(report).toContain(
      "  - Not stated: the balance of change talk and sustain talk. The automated sustain-talk codes are too unreliable to say (cross-validated F1 0.29, below 0.50).",
    );
    expect(report).not.toContain("of the client's change-related statements");
    // The number itself is still shown, as part of the estimate.
    expect(report).toMatch(/% change talk +100%/);
    expect(report).toContain(
      "  - Moderately sure (automated simple-reflection codes, cross-validated F1 0.51; check the recording):",
    );
    expect(report).toContain(
      "  - Moderately sure (automated reflection codes, cross-validated F1 0.69; check the recording): Reflections kept pace with questions",
    );
    const document = JSON.parse(
      await runAnalyze(fixture("session.txt"), { format: "json" }),
    ) as { profile: { label: string } };
    expect(document.profile.label).toBe(
      "automated estimate, not a MITI rating",
    );
  });

  it("takes the feedback gate's thresholds as options", async () => {
    const lenient = await runAnalyze(fixture("session.txt"), {
      format: "text",
      stateAtF1: 0.6,
      hedgeAtF1: 0.2,
    });
    expect(lenient).toContain(
      "  - Reflections kept pace with questions (R:Q 1.00)",
    );
    expect(lenient).toContain(
      "  - Moderately sure (automated sustain-talk codes, cross-validated F1 0.29; check the recording): 100% of the client's change-related statements were change talk",
    );
    await expect(
      runAnalyze(fixture("session.txt"), {
        format: "text",
        stateAtF1: 0.5,
        hedgeAtF1: 0.6,
      }),
    ).rejects.toThrow(/--hedge-at-f1 must not be above --state-at-f1/);
  });

  it("reports a malformed file with its line number", async () => {
    await expect(
      runAnalyze(fixture("broken-timing.vtt"), { format: "json" }),
    ).rejects.toThrow(/broken-timing\.vtt:6:/);
  });

  it("reports an unknown therapist and a file over the size limit", async () => {
    await expect(
      runAnalyze(fixture("session.txt"), {
        format: "text",
        therapist: "Nobody",
      }),
    ).rejects.toThrow(/Dr Lee, Sam/);
    await expect(
      runAnalyze(fixture("session.txt"), { format: "text", maxBytes: 10 }),
    ).rejects.toThrow(/limit/);
  });
});

describe("streaming a larger file", () => {
  it("reads a 5,000-entry JSON transcript across stream chunks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rapport-analyze-"));
    try {
      const entries = Array.from({ length: 5000 }, (_, i) =>
        JSON.stringify({
          speaker: i % 2 ? "Client" : "Therapist",
          text: i % 2 ? "I want to cut down." : "What would help?",
        }),
      );
      const file = join(dir, "long.json");
      writeFileSync(file, `[\n${entries.join(",\n")}\n]\n`);
      const document = JSON.parse(
        await runAnalyze(file, { format: "json" }),
      ) as { utterances: { index: number }[] };
      expect(document.utterances).toHaveLength(5000);
      expect(document.utterances.at(-1)?.index).toBe(4999);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

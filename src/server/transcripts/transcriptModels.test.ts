import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { recordedReliability } from "./transcriptModels.js";

const modelText = readFileSync(
  new URL("../../../models/transcripts.json", import.meta.url),
  "utf8",
);
const evaluationText = readFileSync(
  new URL("../../../models/transcripts.eval.json", import.meta.url),
  "utf8",
);
const dir = mkdtempSync(join(tmpdir(), "rapport-eval-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the recorded evaluation of the bundled models", () => {
  it("belongs to the committed model file (re-run `npm run eval:transcripts` after retraining)", async () => {
    const reliability = await recordedReliability(modelText);
    expect(reliability).not.toBeNull();
    // The figures docs/transcripts.md reports for the shipped model.
    expect(reliability?.sustainTalk?.toFixed(2)).toBe("0.29");
    expect(reliability?.changeTalk?.toFixed(2)).toBe("0.46");
    expect(reliability?.reflection?.toFixed(2)).toBe("0.69");
    expect(reliability?.question?.toFixed(2)).toBe("0.90");
    expect(reliability?.simpleReflection?.toFixed(2)).toBe("0.51");
    expect(reliability?.complexReflection?.toFixed(2)).toBe("0.54");
  });

  it("vouches for nothing once the model changes or the record is missing", async () => {
    expect(await recordedReliability(`${modelText} `)).toBeNull();
    const missing = pathToFileURL(join(dir, "absent.json"));
    expect(await recordedReliability(modelText, missing)).toBeNull();
    const copy = join(dir, "copy.json");
    writeFileSync(copy, evaluationText);
    expect(
      await recordedReliability(modelText, pathToFileURL(copy)),
    ).not.toBeNull();
  });
});

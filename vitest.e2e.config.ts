// Browser tests: expects `npm run build` to have run (dist/ and dist/web); each spec starts the
// server in-process and drives Debian's Chromium through playwright-core.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.spec.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

// Two projects: the node tests (unit, database, HTTP; with the PostgreSQL probe) and the web
// component tests in jsdom. `npm test` runs both.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: [
            "src/**/*.test.ts",
            "test/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
          exclude: ["src/web/**", "node_modules/**", "dist/**"],
          globalSetup: ["test/globalSetup.ts"],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: "web",
          include: ["src/web/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          setupFiles: ["src/web/testSetup.ts"],
        },
      },
    ],
  },
});

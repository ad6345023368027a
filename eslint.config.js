// Type-aware lint; the import rules keep the layers pointing inward (style.md).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

// Patterns match the import text: a relative path climbing out to src/<layer>. (src/server/web,
// the server's own static-file feature, is reached as ./web/ and is not src/web.)
const outward = (layers) =>
  layers.map((layer) => ({
    group: [
      `../${layer}/**`,
      `../../${layer}/**`,
      `../../../${layer}/**`,
      `**/src/${layer}/**`,
    ],
    message: `This layer may not import from src/${layer}.`,
  }));

const MACHINE_CLOCK =
  "Read the time through the context's clock (src/server/clock.ts); pass it to SQL as a value.";
// SQL that reads the database server's clock (PostgreSQL and SQLite).
const SQL_CLOCK =
  "/\\bnow\\s*\\(|current_(timestamp|date|time)|localtime|clock_timestamp|statement_timestamp|transaction_timestamp|'now'/i";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "data/**",
      "coverage/**",
      "e2e-artifacts/**",
      "*.config.*",
      "eslint.config.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: outward(["server", "web", "cli"]) },
      ],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["src/server/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: outward(["web", "cli"]) }],
    },
  },
  {
    // The browser UI is type-checked against its own tsconfig (DOM, JSX, bundler resolution).
    files: ["src/web/**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: ["./src/web/tsconfig.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: outward(["server", "cli"]) },
      ],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // One clock (clock.ts): time is read through the context's clock or a clock passed in, and
    // the database's clock never decides anything (SQL gets the application's time as a value).
    files: ["src/core/**/*.ts", "src/server/**/*.ts", "src/cli/**/*.ts"],
    ignores: ["src/server/clock.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...[
          "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          "CallExpression[callee.name='Date']",
          "NewExpression[callee.name='Date'][arguments.length=0]",
        ].map((selector) => ({ selector, message: MACHINE_CLOCK })),
        ...["TemplateElement[value.raw=%s]", "Literal[value=%s]"].map(
          (pattern) => ({
            selector: pattern.replace("%s", SQL_CLOCK),
            message: MACHINE_CLOCK,
          }),
        ),
      ],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: outward(["web"]) }],
    },
  },
  {
    files: [
      "**/*.test.ts",
      "**/*.test.tsx",
      "test/**/*.ts",
      "e2e/**/*.ts",
      "scripts/**/*.ts",
    ],
    rules: {
      "@typescript-eslint/no-floating-promises": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
);

// Where a worker thread starts. Compiled, the entry is the .js module beside its caller.
// From TypeScript source (tests, `tsx`), Node 20 does not apply `--import` hooks to a worker's
// entry file, so a one-line ESM bootstrap registers tsx inside the thread, then imports the .ts.

/**
 * The URL to start a worker thread on: `module` (e.g. "./transcriptThread") relative to `from`,
 * the caller's import.meta.url.
 */
export function threadEntry(from: string, module: string): URL {
  if (!from.endsWith(".ts")) return new URL(`${module}.js`, from);
  const thread = new URL(`${module}.ts`, from).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(thread)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

// Where the analysis worker thread starts. Compiled, it is analysisThread.js beside this file.
// From TypeScript source (tests, `tsx`), Node 20 does not apply `--import` hooks to a worker's
// entry file, so a one-line ESM bootstrap registers tsx inside the thread, then imports the .ts.
const FROM_SOURCE = import.meta.url.endsWith(".ts");

export function threadEntry(): URL {
  if (!FROM_SOURCE) return new URL("./analysisThread.js", import.meta.url);
  const thread = new URL("./analysisThread.ts", import.meta.url).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(thread)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

// The checked-in OpenAPI document must match the route schemas (run `npm run openapi`).
import fs from "node:fs";
import { expect, it } from "vitest";
import { OPENAPI_FILE, generateOpenApi } from "../../scripts/openapi.js";

it("docs/openapi.json is up to date with the routes", async () => {
  const generated = await generateOpenApi();
  expect(JSON.parse(generated)).toEqual(
    JSON.parse(fs.readFileSync(OPENAPI_FILE, "utf8")),
  );
});

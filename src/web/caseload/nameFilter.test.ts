import { describe, expect, it } from "vitest";
import { filterByName } from "./nameFilter";

const rows = [
  { name: "Sam Ortiz" },
  { name: "Priya  Nair" },
  { name: "Samir K" },
];

describe("filterByName", () => {
  it("keeps the names containing the text, ignoring case and spacing", () => {
    expect(filterByName(rows, " sam ").map((r) => r.name)).toEqual([
      "Sam Ortiz",
      "Samir K",
    ]);
    expect(filterByName(rows, "priya nair").map((r) => r.name)).toEqual([
      "Priya  Nair",
    ]);
  });

  it("keeps every row for an empty filter and none for a miss", () => {
    expect(filterByName(rows, "")).toBe(rows);
    expect(filterByName(rows, "zed")).toEqual([]);
  });
});

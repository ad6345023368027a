import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Sparkline, sparklinePoints } from "./Sparkline";

describe("Sparkline", () => {
  it("scales values into the box, highest at the top", () => {
    expect(sparklinePoints([0, 10])).toBe("0.0,18.0 64.0,0.0");
    expect(sparklinePoints([5, 5])).toBe("0.0,9.0 64.0,9.0");
  });

  it("draws nothing for a single value and names its values otherwise", () => {
    const { container } = render(<Sparkline values={[3]} label="phq-9" />);
    expect(container.querySelector("svg")).toBeNull();
    render(<Sparkline values={[3, 4]} label="gad-7" />);
    expect(
      screen.getByRole("img", { name: "gad-7 trend, oldest first: 3, 4" }),
    ).toBeTruthy();
  });
});

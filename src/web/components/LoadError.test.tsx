import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LoadError } from "./LoadError";

describe("LoadError", () => {
  it("announces the error as an alert", () => {
    render(<LoadError error="the server answered 500" />);
    expect(screen.getByRole("alert").textContent).toBe(
      "the server answered 500",
    );
  });

  it("renders nothing while there is no error", () => {
    const { container } = render(<LoadError error={null} />);
    expect(container.innerHTML).toBe("");
  });
});

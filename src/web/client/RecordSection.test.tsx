import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../api/http";
import type { Client } from "../api/types";
import { fakeApi } from "../testing/fakeApi";
import { RecordSection } from "./RecordSection";

const client: Client = {
  id: "c1",
  name: "Maya Okafor",
  therapistId: "m1",
  status: "active",
  ageBand: null,
  gender: "woman",
  sharedWith: [],
  createdAt: "2026-01-01T09:00:00Z",
  updatedAt: "2026-01-01T09:00:00Z",
};

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("RecordSection", () => {
  it("lets the therapist record an age band and clear the gender", async () => {
    const calls = fakeApi({
      "GET /api/auth/csrf": { csrfToken: "t" },
      "PATCH /api/clients/c1": (body: unknown) => [
        200,
        { ...client, ...(body as object) },
      ],
    });
    const onChange = vi.fn();
    render(<RecordSection client={client} onChange={onChange} />);
    expect(
      screen.getByLabelText<HTMLSelectElement>("Gender (optional)").value,
    ).toBe("woman");
    fireEvent.change(screen.getByLabelText("Age band (optional)"), {
      target: { value: "35-44" },
    });
    fireEvent.change(screen.getByLabelText("Gender (optional)"), {
      target: { value: "" },
    });
    fireEvent.click(
      screen.getByRole("button", { name: "Save age band and gender" }),
    );
    await screen.findByText("Age band and gender saved.");
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({
      ageBand: "35-44",
      gender: null,
    });
    expect(onChange).toHaveBeenCalledWith(
      expect.objectContaining({ ageBand: "35-44", gender: null }),
    );
  });
});

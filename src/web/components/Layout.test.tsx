import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../api/types";
import { fakeApi } from "../testing/fakeApi";
import { Layout } from "./Layout";

const me = (role: Me["role"]): Me => ({
  id: "m1",
  organisationId: "o1",
  email: "lee@example.test",
  name: "Dr Lee",
  role,
  totpEnabled: false,
  totpRequired: false,
});

afterEach(() => vi.unstubAllGlobals());

describe("Layout", () => {
  it.each(["therapist", "supervisor", "admin"] as const)(
    "shows the workspace warnings on every page for a signed-in %s",
    async (role) => {
      fakeApi({
        "GET /api/warnings": {
          items: [{ code: "email-off", message: "Email is not configured." }],
        },
      });
      render(
        <Layout me={me(role)}>
          <p>Page</p>
        </Layout>,
      );
      expect(
        (await screen.findByRole("region", { name: "Warnings" })).textContent,
      ).toContain("Email is not configured.");
    },
  );

  it("asks for no warnings before sign-in", () => {
    const calls = fakeApi({});
    render(
      <Layout me={null}>
        <p>Sign in</p>
      </Layout>,
    );
    expect(calls).toEqual([]);
  });
});

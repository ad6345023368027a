import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../api/http";
import type { Goal } from "../api/types";
import { fakeApi } from "../testing/fakeApi";
import { GoalsSection } from "./GoalsSection";

const goal = (
  id: string,
  text: string,
  status: Goal["status"] = "active",
): Goal => ({
  id,
  clientId: "c1",
  text,
  status,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
});

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("GoalsSection", () => {
  it("adds a goal with a fresh CSRF token and announces it", async () => {
    const goals = [goal("g1", "Sleep better")];
    const calls = fakeApi({
      "GET /api/clients/c1/goals": () => [200, { items: goals }],
      "GET /api/auth/csrf": { csrfToken: "fresh" },
      "POST /api/clients/c1/goals": (body: unknown) => {
        const added = goal("g2", (body as { text: string }).text);
        goals.push(added);
        return [201, added];
      },
    });
    render(<GoalsSection clientId="c1" canEdit />);
    await screen.findByText("Sleep better");
    fireEvent.change(screen.getByLabelText("New goal"), {
      target: { value: " Walk to work " },
    });
    fireEvent.click(screen.getByRole("button", { name: "Add goal" }));
    await screen.findByText("Walk to work");
    expect(screen.getByRole("status").textContent).toBe(
      'Goal "Walk to work" added.',
    );
    const post = calls.find((c) => c.method === "POST");
    expect(post?.headers["x-csrf-token"]).toBe("fresh");
    expect(post?.body).toEqual({ text: "Walk to work" });
  });

  it("marks a goal achieved", async () => {
    const calls = fakeApi({
      "GET /api/clients/c1/goals": { items: [goal("g1", "Sleep better")] },
      "GET /api/auth/csrf": { csrfToken: "t" },
      "PATCH /api/clients/c1/goals/g1": goal("g1", "Sleep better", "achieved"),
    });
    render(<GoalsSection clientId="c1" canEdit />);
    fireEvent.click(
      await screen.findByRole("button", {
        name: 'Mark "Sleep better" achieved',
      }),
    );
    await waitFor(() =>
      expect(calls.some((c) => c.method === "PATCH")).toBe(true),
    );
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({
      status: "achieved",
    });
  });

  it("shows no edit controls to a reader", async () => {
    fakeApi({
      "GET /api/clients/c1/goals": { items: [goal("g1", "Sleep better")] },
    });
    render(<GoalsSection clientId="c1" canEdit={false} />);
    await screen.findByText("Sleep better");
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByLabelText("New goal")).toBeNull();
  });
});

import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../testing/fakeApi";
import { EpisodesSection } from "./EpisodesSection";

afterEach(() => vi.unstubAllGlobals());

describe("EpisodesSection", () => {
  it("shows each episode's NHS Talking Therapies outcome and whether the course counts", async () => {
    fakeApi({
      "GET /api/clients/c1/episodes": {
        items: [
          {
            id: "e1",
            clientId: "c1",
            openedAt: "2026-01-01T00:00:00Z",
            dischargedAt: "2026-03-01T00:00:00Z",
            dischargeReason: "finished",
            talkingTherapies: {
              course: "finished",
              attendedSessions: 8,
              label: "reliable recovery",
              explanation: ["Finished a course of treatment"],
            },
          },
          {
            id: "e2",
            clientId: "c1",
            openedAt: "2026-04-01T00:00:00Z",
            dischargedAt: null,
            dischargeReason: null,
            talkingTherapies: null,
          },
        ],
      },
    });
    render(<EpisodesSection clientId="c1" canEdit={false} />);
    expect(
      await screen.findByText(
        "NHS Talking Therapies: reliable recovery (finished course)",
      ),
    ).toBeTruthy();
    expect(screen.getAllByText(/NHS Talking Therapies/)).toHaveLength(1);
  });
});

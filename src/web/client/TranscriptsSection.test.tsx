import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import type { ComponentProps } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../api/http";
import type {
  TranscriptDetail,
  TranscriptProfile,
  TranscriptSummary,
} from "../api/transcripts";
import { fakeApi } from "../testing/fakeApi";
import { renderWithSessions } from "../testing/renderWithSessions";
import { TranscriptsSection } from "./TranscriptsSection";

const profile: TranscriptProfile = {
  counts: {
    therapistUtterances: 2,
    clientUtterances: 2,
    reflections: { simple: 0, complex: 1, total: 1 },
    questions: { open: 1, closed: 1, total: 2 },
    talk: { change: 1, sustain: 1, neutral: 0 },
  },
  reflectionToQuestion: { value: 0.5, fair: 1, good: 2, level: "below-fair" },
  percentComplexReflections: { value: 100, fair: 40, good: 50, level: "good" },
  percentOpenQuestions: 50,
  percentChangeTalk: 50,
  talkTime: {
    basis: "words",
    therapistShare: 0.4,
    clientShare: 0.6,
    therapistWords: 40,
    clientWords: 60,
    therapistSeconds: null,
    clientSeconds: null,
  },
  empathy: {
    emotionalReaction: { any: 0, strong: 0 },
    interpretation: { any: 0.5, strong: 0.5 },
    exploration: { any: 0.5, strong: 0 },
  },
};

const summary = (
  status: TranscriptSummary["status"] = "done",
): TranscriptSummary => ({
  id: "t1",
  clientId: "c1",
  sessionId: "s1",
  format: "vtt",
  bytes: 300,
  status,
  error: null,
  profile: status === "done" ? profile : null,
  createdBy: "m1",
  createdAt: "2026-03-02T12:00:00Z",
  analysedAt: status === "done" ? "2026-03-02T12:00:01Z" : null,
});

const detail: TranscriptDetail = {
  ...summary(),
  analysis: {
    profile: {
      ...profile,
      codeF1: { changeTalk: 0.46, sustainTalk: 0.29 },
      feedback: ["You asked more questions than you reflected."],
    },
    utterances: [
      {
        index: 0,
        speaker: "Theo",
        role: "therapist",
        text: "What brings you here?",
        behaviour: "question",
        reflection: null,
        question: "open",
        talk: null,
        markers: [],
      },
      {
        index: 1,
        speaker: "Maya",
        role: "client",
        text: "I want to drink less.",
        behaviour: null,
        reflection: null,
        question: null,
        talk: "change",
        markers: [],
      },
    ],
  },
};

const SESSIONS = {
  items: [
    {
      id: "s1",
      clientId: "c1",
      episodeId: null,
      therapistId: "m1",
      startsAt: "2026-03-02T10:00:00Z",
      status: "attended",
    },
  ],
  next: null,
};

/** The section as the client page shows it, with the client's sessions loaded. */
const renderSection = (
  props: Omit<
    ComponentProps<typeof TranscriptsSection>,
    "clientId" | "sessions"
  >,
) =>
  renderWithSessions("c1", (sessions) => (
    <TranscriptsSection clientId="c1" sessions={sessions} {...props} />
  ));

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("TranscriptsSection", () => {
  it("shows an analysed transcript's estimated scores against the MITI thresholds, feedback and coded utterances", async () => {
    fakeApi({
      "GET /api/clients/c1/sessions?limit=200": SESSIONS,
      "GET /api/clients/c1/transcripts": { items: [summary()] },
      "GET /api/transcripts/t1": detail,
    });
    renderSection({ canEdit: false });
    fireEvent.click(
      await screen.findByRole("button", { name: /^Show the profile of/ }),
    );
    const scores = await screen.findByRole("table", {
      name: "Estimated MITI 4 summary scores against the MITI 4 thresholds",
    });
    const rq = within(scores).getByRole("row", {
      name: /Reflections to questions/,
    });
    expect(
      within(rq)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["0.50:1", "1.00:1", "2.00:1", "Below fair"]);
    const cr = within(scores).getByRole("row", { name: /Complex reflections/ });
    expect(within(cr).getAllByRole("cell").at(-1)?.textContent).toBe("Good");
    // The profile says what it is, even where the API sent no label (profiles stored before it).
    const profileView = scores.closest(".transcript-profile") as HTMLElement;
    expect(profileView.textContent).toContain(
      "Automated estimate, not a MITI rating.",
    );
    screen.getByRole("heading", { name: "Feedback (automated estimate)" });
    screen.getByText(
      "How sure (cross-validated F1 of each code, 1 is perfect): change talk 0.46, sustain talk 0.29.",
    );
    screen.getByText(/therapist 40%, client 60%/);
    screen.getByText("You asked more questions than you reflected.");
    const utterances = screen.getByRole("list", { name: "Coded utterances" });
    const items = within(utterances).getAllByRole("listitem");
    expect(items[0]?.textContent).toContain("Open question");
    expect(items[1]?.textContent).toContain("Change talk");
    expect(items[1]?.className).toContain("code-change");
    // Every colour in use is named in the legend.
    within(screen.getByRole("list", { name: "Code colours" })).getByText(
      "Change talk",
    );
    // A reader gets no upload form and no delete button.
    expect(screen.queryByLabelText("Transcript file")).toBeNull();
    expect(screen.queryByRole("button", { name: /^Delete/ })).toBeNull();
  });

  it("uploads a file for a session, polls until it is analysed, then shows its profile", async () => {
    let analysed = false;
    const calls = fakeApi({
      "GET /api/clients/c1/sessions?limit=200": SESSIONS,
      "GET /api/auth/csrf": { csrfToken: "t" },
      "GET /api/clients/c1/transcripts": () => {
        const listed = calls.filter(
          (c) => c.url === "/api/clients/c1/transcripts",
        ).length;
        // Queued on the first look after the upload, done on the next.
        if (listed >= 3) analysed = true;
        const uploaded = calls.some((c) => c.method === "POST");
        return [
          200,
          { items: uploaded ? [summary(analysed ? "done" : "queued")] : [] },
        ];
      },
      "POST /api/clients/c1/sessions/s1/transcripts?format=vtt&therapist=Theo":
        () => [202, { id: "t1", status: "queued" }],
      "GET /api/transcripts/t1": detail,
    });
    renderSection({ canEdit: true, poll: { firstMs: 5, maxMs: 5 } });
    await screen.findByText("No transcripts yet.");
    fireEvent.change(screen.getByLabelText("Session of the transcript"), {
      target: { value: "s1" },
    });
    const file = new File(["WEBVTT\n"], "session.vtt", { type: "text/vtt" });
    fireEvent.change(screen.getByLabelText("Transcript file"), {
      target: { files: [file] },
    });
    fireEvent.change(
      screen.getByLabelText("Therapist's speaker name (optional)"),
      { target: { value: "Theo" } },
    );
    fireEvent.click(screen.getByRole("button", { name: "Upload and analyse" }));
    await screen.findByText("Waiting to be analysed");
    await screen.findByRole("table", {
      name: "Estimated MITI 4 summary scores against the MITI 4 thresholds",
    });
    const post = calls.find((c) => c.method === "POST");
    expect(post?.headers["content-type"]).toBe("text/vtt");
    expect(post?.headers["x-csrf-token"]).toBe("t");
  });

  it("says why an upload was refused", async () => {
    fakeApi({
      "GET /api/clients/c1/sessions?limit=200": SESSIONS,
      "GET /api/clients/c1/transcripts": { items: [] },
      "GET /api/auth/csrf": { csrfToken: "t" },
      "POST /api/clients/c1/sessions/s1/transcripts": () => [
        403,
        {
          error: {
            code: "consent_required",
            message: "the client has not consented to transcript-analysis",
          },
        },
      ],
    });
    renderSection({ canEdit: true });
    await screen.findByText("No transcripts yet.");
    fireEvent.change(screen.getByLabelText("Session of the transcript"), {
      target: { value: "s1" },
    });
    fireEvent.change(screen.getByLabelText("Transcript file"), {
      target: {
        files: [new File(["Theo: hi"], "notes.txt", { type: "text/plain" })],
      },
    });
    const upload = screen.getByRole("button", { name: "Upload and analyse" });
    fireEvent.click(upload);
    const form = upload.closest("form") as HTMLFormElement;
    await waitFor(() =>
      expect(within(form).getByRole("alert").textContent).toBe(
        "the client has not consented to transcript-analysis",
      ),
    );
  });

  it("deletes a transcript only once the user confirms", async () => {
    const calls = fakeApi({
      "GET /api/clients/c1/sessions?limit=200": SESSIONS,
      "GET /api/auth/csrf": { csrfToken: "t" },
      "GET /api/clients/c1/transcripts": () => [
        200,
        {
          items: calls.some((c) => c.method === "DELETE") ? [] : [summary()],
        },
      ],
      "DELETE /api/transcripts/t1": () => [204, null],
    });
    const confirm = vi
      .spyOn(window, "confirm")
      .mockReturnValueOnce(false)
      .mockReturnValueOnce(true);
    renderSection({ canEdit: true });
    const button = await screen.findByRole("button", {
      name: /^Delete the transcript of the session on /,
    });
    fireEvent.click(button);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(calls.some((c) => c.method === "DELETE")).toBe(false);
    fireEvent.click(button);
    await screen.findByText("No transcripts yet.");
    expect(
      screen.getAllByRole("status").map((s) => s.textContent),
    ).toContainEqual(
      expect.stringMatching(/^Deleted the transcript of the session on /),
    );
    const deleted = calls.find((c) => c.method === "DELETE");
    expect(deleted?.url).toBe("/api/transcripts/t1");
    expect(deleted?.headers["x-csrf-token"]).toBe("t");
  });

  it("asks again less and less often while an analysis is pending, and stops when unmounted", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let looks = 0;
    fakeApi({
      "GET /api/clients/c1/sessions?limit=200": SESSIONS,
      // Alternates between the two pending states, so each look shows on the page.
      "GET /api/clients/c1/transcripts": () => {
        looks += 1;
        return [200, { items: [summary(looks % 2 ? "queued" : "analysing")] }];
      },
    });
    const { unmount } = renderSection({
      canEdit: false,
      poll: { firstMs: 2000, maxMs: 15_000 },
    });
    const shown = (n: number) =>
      screen.queryByText(n % 2 ? "Waiting to be analysed" : "Being analysed");
    // Lets the fake server answer and the section schedule its next look, without moving the clock.
    const settle = async (n: number) => {
      for (let turn = 0; turn < 50 && !(shown(n) && vi.getTimerCount()); turn++)
        await act(() => vi.advanceTimersByTimeAsync(0));
      expect(shown(n)).not.toBeNull();
      expect(vi.getTimerCount()).toBe(1);
    };
    const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
    await settle(1);
    for (const [n, wait] of [
      [2, 2000],
      [3, 4000],
      [4, 8000],
      [5, 15_000],
      [6, 15_000],
    ] as const) {
      await advance(wait - 1);
      expect(looks).toBe(n - 1);
      await advance(1);
      await settle(n);
      expect(looks).toBe(n);
    }
    unmount();
    expect(vi.getTimerCount()).toBe(0);
    await advance(60_000);
    expect(looks).toBe(6);
  });
});

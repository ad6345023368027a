// The authorisation matrix: every route × every actor, each with a decided status.
// A route the server registers but this matrix does not list fails the test, so no route can
// be added without a decision. Each (route, actor) pair gets a fresh sign-in and fresh records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledPack } from "../../src/core/instruments/bundled.js";
import { buildApp } from "../../src/server/app.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { signIn, type Session } from "../support/http.js";

type ActorName =
  "anonymous" | "own" | "colleague" | "supervisor" | "admin" | "otherOrg";
const ACTORS: ActorName[] = [
  "anonymous",
  "own",
  "colleague",
  "supervisor",
  "admin",
  "otherOrg",
];
const EMAIL: Record<Exclude<ActorName, "anonymous">, string> = {
  own: "therapist1@demo.rapport.test", // the client's own therapist
  colleague: "therapist2@demo.rapport.test", // same organisation, not the client's therapist
  supervisor: "supervisor@demo.rapport.test", // supervises both therapists (read-only)
  admin: "admin@demo.rapport.test", // no client access without break-glass
  otherOrg: "therapist@second.rapport.test", // another organisation
};

/** The records each request may refer to: a client of therapist1 and its children. */
interface Fixture {
  clientId: string;
  episodeId: string;
  sessionId: string;
  goalId: string;
  colleagueId: string;
  supervisorId: string;
  ownId: string;
  alertId: string;
  checkinId: string;
  checkinToken: string;
  transcriptId: string;
}

interface Row {
  /** A string body is sent as is, with contentType (raw uploads such as transcripts). */
  request: (f: Fixture) => {
    url: string;
    body?: unknown;
    contentType?: string;
  };
  /** Expected status per actor; "self" = any answer but 401/403/404 (self-service routes). */
  expect: Record<ActorName, number | "self">;
}

const CLIENT = {
  anonymous: 401,
  own: 200,
  colleague: 404,
  supervisor: 200,
  admin: 404,
  otherOrg: 404,
} as const;
const CLIENT_WRITE = { ...CLIENT, supervisor: 403 } as const;
const CLIENT_CREATE = { ...CLIENT_WRITE, own: 201 } as const;
const ADMIN_ONLY = {
  anonymous: 401,
  own: 403,
  colleague: 403,
  supervisor: 403,
  admin: 200,
  otherOrg: 404,
} as const;
const SIGNED_IN = {
  anonymous: 401,
  own: "self",
  colleague: "self",
  supervisor: "self",
  admin: "self",
  otherOrg: "self",
} as const;
const PUBLIC = {
  anonymous: "self",
  own: "self",
  colleague: "self",
  supervisor: "self",
  admin: "self",
  otherOrg: "self",
} as const;

const EVERY_MEMBER = {
  anonymous: 401,
  own: 200,
  colleague: 200,
  supervisor: 200,
  admin: 200,
  otherOrg: 200,
} as const;

const TRANSCRIPT =
  "Dr Lee: How has your week been?\nSam: Better, I slept more.\n";

const NOT_FOUND_FOR_ALL = {
  anonymous: 404,
  own: 404,
  colleague: 404,
  supervisor: 404,
  admin: 404,
  otherOrg: 404,
} as const;

/** A valid pack with a version not installed before (versions are immutable once installed). */
function newPackVersion(): unknown {
  const minor = 1 + Math.floor(Math.random() * 1_000_000);
  return { ...bundledPack("gad-2"), version: `1.${minor}.0` };
}

export const MATRIX: Record<string, Row> = {
  "POST /api/auth/login": {
    request: () => ({
      url: "/api/auth/login",
      body: { email: `nobody-${Math.random()}@y.z`, password: "nope" },
    }),
    expect: {
      ...PUBLIC,
      anonymous: 401,
      own: 401,
      colleague: 401,
      supervisor: 401,
      admin: 401,
      otherOrg: 401,
    },
  },
  "GET /api/auth/csrf": {
    request: () => ({ url: "/api/auth/csrf" }),
    expect: SIGNED_IN,
  },
  "POST /api/auth/logout": {
    request: () => ({ url: "/api/auth/logout" }),
    expect: SIGNED_IN,
  },
  "POST /api/auth/logout-everywhere": {
    request: () => ({ url: "/api/auth/logout-everywhere" }),
    expect: SIGNED_IN,
  },
  "GET /api/me": { request: () => ({ url: "/api/me" }), expect: SIGNED_IN },
  "POST /api/auth/totp/setup": {
    request: () => ({ url: "/api/auth/totp/setup" }),
    expect: SIGNED_IN,
  },
  "POST /api/auth/totp/enable": {
    request: () => ({ url: "/api/auth/totp/enable", body: { code: "123456" } }),
    expect: SIGNED_IN,
  },
  // Only a session waiting for its second factor may enter a code; a signed-in one is refused.
  "POST /api/auth/totp/verify": {
    request: () => ({ url: "/api/auth/totp/verify", body: { code: "123456" } }),
    expect: {
      anonymous: 401,
      own: 409,
      colleague: 409,
      supervisor: 409,
      admin: 409,
      otherOrg: 409,
    },
  },
  "POST /api/auth/totp/disable": {
    request: () => ({
      url: "/api/auth/totp/disable",
      body: { password: "wrong" },
    }),
    expect: {
      ...SIGNED_IN,
      own: 401,
      colleague: 401,
      supervisor: 401,
      admin: 401,
      otherOrg: 401,
    },
  },
  "POST /api/auth/password": {
    request: () => ({
      url: "/api/auth/password",
      body: { currentPassword: "wrong", newPassword: "long-enough-password" },
    }),
    expect: {
      anonymous: 401,
      own: 401,
      colleague: 401,
      supervisor: 401,
      admin: 401,
      otherOrg: 401,
    },
  },
  "POST /api/auth/password-reset/request": {
    request: () => ({
      url: "/api/auth/password-reset/request",
      body: { email: "nobody@example.org" },
    }),
    expect: PUBLIC,
  },
  "POST /api/auth/password-reset/complete": {
    request: () => ({
      url: "/api/auth/password-reset/complete",
      body: { token: "x".repeat(30), newPassword: "long-enough-password" },
    }),
    expect: PUBLIC,
  },

  "GET /api/organisation": {
    request: () => ({ url: "/api/organisation" }),
    expect: {
      ...SIGNED_IN,
      own: 200,
      colleague: 200,
      supervisor: 200,
      admin: 200,
      otherOrg: 200,
    },
  },
  "PATCH /api/organisation": {
    request: () => ({
      url: "/api/organisation",
      body: { settings: { timeZone: "Europe/London" } },
    }),
    expect: { ...ADMIN_ONLY, otherOrg: 403 },
  },

  "GET /api/members": {
    request: () => ({ url: "/api/members" }),
    expect: {
      anonymous: 401,
      own: 200,
      colleague: 200,
      supervisor: 200,
      admin: 200,
      otherOrg: 200,
    },
  },
  "GET /api/members/:id": {
    request: (f) => ({ url: `/api/members/${f.colleagueId}` }),
    expect: {
      anonymous: 401,
      own: 200,
      colleague: 200,
      supervisor: 200,
      admin: 200,
      otherOrg: 404,
    },
  },
  "POST /api/members": {
    request: () => ({
      url: "/api/members",
      body: {
        email: `new-${Math.random()}@demo.rapport.test`,
        name: "New",
        role: "therapist",
      },
    }),
    expect: { ...ADMIN_ONLY, admin: 201, otherOrg: 403 },
  },
  "POST /api/members/:id/password-link": {
    request: (f) => ({ url: `/api/members/${f.colleagueId}/password-link` }),
    expect: { ...ADMIN_ONLY, admin: 202, otherOrg: 403 },
  },
  "PATCH /api/members/:id": {
    request: (f) => ({
      url: `/api/members/${f.colleagueId}`,
      body: { name: "Renamed" },
    }),
    expect: { ...ADMIN_ONLY, otherOrg: 403 },
  },
  "PUT /api/members/:id/supervisees": {
    request: (f) => ({
      url: `/api/members/${f.supervisorId}/supervisees`,
      body: { therapistIds: [f.ownId, f.colleagueId] },
    }),
    expect: { ...ADMIN_ONLY, otherOrg: 403 },
  },
  "POST /api/members/:id/transfer-caseload": {
    request: (f) => ({
      url: `/api/members/${f.ownId}/transfer-caseload`,
      body: { toTherapistId: f.ownId },
    }),
    expect: { ...ADMIN_ONLY, otherOrg: 403 },
  },

  "GET /api/clients": {
    request: () => ({ url: "/api/clients" }),
    expect: {
      anonymous: 401,
      own: 200,
      colleague: 200,
      supervisor: 200,
      admin: 403,
      otherOrg: 200,
    },
  },
  "POST /api/clients": {
    request: () => ({ url: "/api/clients", body: { name: "Matrix Person" } }),
    expect: {
      anonymous: 401,
      own: 201,
      colleague: 201,
      supervisor: 403,
      admin: 400,
      otherOrg: 201,
    },
  },
  "POST /api/clients/search": {
    request: () => ({
      url: "/api/clients/search",
      body: { name: "Matrix Client" },
    }),
    expect: {
      anonymous: 401,
      own: 200,
      colleague: 200,
      supervisor: 200,
      admin: 403,
      otherOrg: 200,
    },
  },
  "GET /api/clients/:id": {
    request: (f) => ({ url: `/api/clients/${f.clientId}` }),
    expect: CLIENT,
  },
  "PATCH /api/clients/:id": {
    request: (f) => ({
      url: `/api/clients/${f.clientId}`,
      body: { name: "Renamed Person" },
    }),
    expect: CLIENT_WRITE,
  },
  "POST /api/clients/:id/transfer": {
    request: (f) => ({
      url: `/api/clients/${f.clientId}/transfer`,
      body: { therapistId: f.colleagueId },
    }),
    expect: CLIENT_WRITE,
  },
  "POST /api/clients/:id/shares": {
    request: (f) => ({
      url: `/api/clients/${f.clientId}/shares`,
      body: { memberId: f.colleagueId },
    }),
    expect: CLIENT_WRITE,
  },
  "DELETE /api/clients/:id/shares/:memberId": {
    request: (f) => ({
      url: `/api/clients/${f.clientId}/shares/${f.colleagueId}`,
    }),
    expect: CLIENT_WRITE,
  },
  "GET /api/clients/:id/episodes": {
    request: (f) => ({ url: `/api/clients/${f.clientId}/episodes` }),
    expect: CLIENT,
  },
  "POST /api/clients/:id/episodes": {
    request: (f) => ({ url: `/api/clients/${f.clientId}/episodes`, body: {} }),
    expect: { ...CLIENT_WRITE, own: 409 },
  },
  "POST /api/clients/:id/episodes/:episodeId/discharge": {
    request: (f) => ({
      url: `/api/clients/${f.clientId}/episodes/${f.episodeId}/discharge`,
      body: { reason: "done" },
    }),
    expect: CLIENT_WRITE,
  },
  "GET /api/clients/:id/sessions": {
    request: (f) => ({ url: `/api/clients/${f.clientId}/sessions` }),
    expect: CLIENT,
  },
  "POST /api/clients/:id/sessions": {
    request: (f) => ({
      url: `/api/clients/${f.clientId}/sessions`,
      body: { startsAt: "2026-12-01T10:00:00.000Z" },
    }),
    expect: CLIENT_CREATE,
  },
  "PATCH /api/clients/:id/sessions/:sessionId": {
    request: (f) => ({
      url: `/api/clients/${f.clientId}/sessions/${f.sessionId}`,
      body: { status: "attended" },
    }),
    expect: CLIENT_WRITE,
  },
  "GET /api/clients/:id/goals": {
    request: (f) => ({ url: `/api/clients/${f.clientId}/goals` }),
    expect: CLIENT,
  },
  "POST /api/clients/:id/goals": {
    request: (f) => ({
      url: `/api/clients/${f.clientId}/goals`,
      body: { text: "A goal" },
    }),
    expect: CLIENT_CREATE,
  },
  "PATCH /api/clients/:id/goals/:goalId": {
    request: (f) => ({
      url: `/api/clients/${f.clientId}/goals/${f.goalId}`,
      body: { status: "achieved" },
    }),
    expect: CLIENT_WRITE,
  },
  "GET /api/clients/:id/consents": {
    request: (f) => ({ url: `/api/clients/${f.clientId}/consents` }),
    expect: CLIENT,
  },
  "POST /api/clients/:id/consents": {
    request: (f) => ({
      url: `/api/clients/${f.clientId}/consents`,
      body: { kind: "research-export", granted: true },
    }),
    expect: CLIENT_WRITE,
  },
  "GET /api/clients/:id/export": {
    request: (f) => ({ url: `/api/clients/${f.clientId}/export` }),
    expect: CLIENT,
  },
  "POST /api/clients/:id/break-glass": {
    request: (f) => ({
      url: `/api/clients/${f.clientId}/break-glass`,
      body: { reason: "Client phoned in crisis" },
    }),
    expect: {
      anonymous: 401,
      own: 403,
      colleague: 403,
      supervisor: 403,
      admin: 200,
      otherOrg: 403,
    },
  },
  "DELETE /api/clients/:id": {
    request: (f) => ({ url: `/api/clients/${f.clientId}` }),
    expect: {
      anonymous: 401,
      own: 403,
      colleague: 403,
      supervisor: 403,
      admin: 204,
      otherOrg: 403,
    },
  },

  "GET /api/alerts": {
    request: () => ({ url: "/api/alerts" }),
    expect: {
      anonymous: 401,
      own: 200,
      colleague: 200,
      supervisor: 200,
      admin: 403,
      otherOrg: 200,
    },
  },
  "GET /api/caseload": {
    request: () => ({ url: "/api/caseload" }),
    expect: {
      anonymous: 401,
      own: 200,
      colleague: 200,
      supervisor: 200,
      admin: 403,
      otherOrg: 200,
    },
  },
  "GET /api/alerts/:id/evidence": {
    request: (f) => ({ url: `/api/alerts/${f.alertId}/evidence` }),
    expect: CLIENT,
  },
  "GET /api/clients/:id/signals": {
    request: (f) => ({ url: `/api/clients/${f.clientId}/signals` }),
    expect: CLIENT,
  },
  "GET /api/clients/:id/trajectory": {
    request: (f) => ({
      url: `/api/clients/${f.clientId}/trajectory?instrumentId=phq-9`,
    }),
    expect: CLIENT,
  },
  "GET /api/clients/:id/alerts": {
    request: (f) => ({ url: `/api/clients/${f.clientId}/alerts` }),
    expect: CLIENT,
  },
  "POST /api/alerts/:id/acknowledge": {
    request: (f) => ({
      url: `/api/alerts/${f.alertId}/acknowledge`,
      body: { action: "other", note: "Seen" },
    }),
    expect: CLIENT_WRITE,
  },
  "GET /api/warnings": {
    request: () => ({ url: "/api/warnings" }),
    expect: EVERY_MEMBER,
  },
  "POST /api/alerts/:id/resolve": {
    request: (f) => ({ url: `/api/alerts/${f.alertId}/resolve`, body: {} }),
    expect: CLIENT_WRITE,
  },

  "POST /api/clients/:id/sessions/:sessionId/transcripts": {
    request: (f) => ({
      url: `/api/clients/${f.clientId}/sessions/${f.sessionId}/transcripts`,
      body: TRANSCRIPT,
      contentType: "text/plain",
    }),
    expect: { ...CLIENT_WRITE, own: 202 },
  },
  "GET /api/clients/:id/transcripts": {
    request: (f) => ({ url: `/api/clients/${f.clientId}/transcripts` }),
    expect: CLIENT,
  },
  "GET /api/transcripts/:id": {
    request: (f) => ({ url: `/api/transcripts/${f.transcriptId}` }),
    expect: CLIENT,
  },
  "DELETE /api/transcripts/:id": {
    request: (f) => ({ url: `/api/transcripts/${f.transcriptId}` }),
    expect: { ...CLIENT_WRITE, own: 204 },
  },

  // Client check-ins (therapist side).
  "POST /api/checkins": {
    request: (f) => ({
      url: "/api/checkins",
      body: { clientId: f.clientId, instruments: ["phq-9"] },
    }),
    expect: CLIENT_CREATE,
  },
  "POST /api/checkins/:id/link": {
    request: (f) => ({ url: `/api/checkins/${f.checkinId}/link` }),
    expect: { ...CLIENT_WRITE, own: 201 },
  },
  // 503 for the own therapist: this runtime has no SMTP (the email path is in checkins.int.test.ts).
  "POST /api/checkins/:id/send": {
    request: (f) => ({
      url: `/api/checkins/${f.checkinId}/send`,
      body: { email: "client@example.org" },
    }),
    expect: { ...CLIENT_WRITE, own: 503 },
  },
  "GET /api/checkins/:id": {
    request: (f) => ({ url: `/api/checkins/${f.checkinId}` }),
    expect: CLIENT,
  },
  "GET /api/clients/:id/checkins": {
    request: (f) => ({ url: `/api/clients/${f.clientId}/checkins` }),
    expect: CLIENT,
  },
  "GET /api/clients/:id/progress-view": {
    request: (f) => ({ url: `/api/clients/${f.clientId}/progress-view` }),
    expect: CLIENT,
  },
  "PUT /api/clients/:id/progress-view": {
    request: (f) => ({
      url: `/api/clients/${f.clientId}/progress-view`,
      body: { enabled: true, showAlliance: false },
    }),
    expect: CLIENT_WRITE,
  },
  // 409 for the own therapist: a fresh client's view is off, so no link can be made yet.
  "POST /api/clients/:id/progress-view/link": {
    request: (f) => ({ url: `/api/clients/${f.clientId}/progress-view/link` }),
    expect: { ...CLIENT_WRITE, own: 409 },
  },
  "DELETE /api/clients/:id/progress-view/link": {
    request: (f) => ({ url: `/api/clients/${f.clientId}/progress-view/link` }),
    expect: CLIENT_WRITE,
  },
  // Client check-in pages: public on purpose, the unguessable link is the credential (no account,
  // no cookie); the same answer for every actor proves no member session changes anything.
  "GET /c/assets/:file": {
    request: () => ({ url: "/c/assets/checkin.css" }),
    expect: PUBLIC,
  },
  "GET /c/:token": {
    request: (f) => ({ url: `/c/${f.checkinToken}` }),
    expect: PUBLIC,
  },
  "POST /c/:token": {
    request: (f) => ({ url: `/c/${f.checkinToken}`, body: { action: "save" } }),
    expect: PUBLIC,
  },
  "GET /c/:token/unsubscribe": {
    request: (f) => ({ url: `/c/${f.checkinToken}/unsubscribe` }),
    expect: PUBLIC,
  },
  "POST /c/:token/unsubscribe": {
    request: (f) => ({ url: `/c/${f.checkinToken}/unsubscribe`, body: {} }),
    expect: PUBLIC,
  },
  // Not found for everyone: the progress view is off and the check-in is not completed.
  "GET /c/:token/progress": {
    request: (f) => ({ url: `/c/${f.checkinToken}/progress` }),
    expect: NOT_FOUND_FOR_ALL,
  },
  "GET /p/:token": {
    request: () => ({ url: `/p/${"x".repeat(43)}` }),
    expect: NOT_FOUND_FOR_ALL,
  },

  "GET /api/instruments": {
    request: () => ({ url: "/api/instruments" }),
    expect: { ...EVERY_MEMBER },
  },
  "GET /api/instruments/:id": {
    request: () => ({ url: "/api/instruments/phq-9" }),
    expect: { ...EVERY_MEMBER },
  },
  "POST /api/instruments": {
    request: () => ({ url: "/api/instruments", body: newPackVersion() }),
    expect: { ...ADMIN_ONLY, admin: 201, otherOrg: 403 },
  },
  "POST /api/instruments/:id/rescore": {
    request: () => ({ url: "/api/instruments/phq-9/rescore" }),
    expect: { ...ADMIN_ONLY, otherOrg: 403 },
  },
  "GET /api/instruments/:id/reliability": {
    request: () => ({ url: "/api/instruments/phq-9/reliability" }),
    expect: { ...ADMIN_ONLY, supervisor: 200, otherOrg: 403 },
  },
  "GET /api/clients/:id/responses": {
    request: (f) => ({ url: `/api/clients/${f.clientId}/responses` }),
    expect: CLIENT,
  },
  "POST /api/clients/:id/responses": {
    request: (f) => ({
      url: `/api/clients/${f.clientId}/responses`,
      body: {
        instrumentId: "gad-7",
        answers: { q1: 0, q2: 1, q3: 0, q4: 1, q5: 0, q6: 1, q7: 0 },
      },
    }),
    expect: CLIENT_CREATE,
  },
  "GET /fhir/R4/Questionnaire/:id": {
    request: () => ({ url: "/fhir/R4/Questionnaire/phq-9" }),
    expect: { ...EVERY_MEMBER },
  },
  "GET /fhir/R4/QuestionnaireResponse": {
    request: (f) => ({
      url: `/fhir/R4/QuestionnaireResponse?subject=${f.clientId}`,
    }),
    expect: CLIENT,
  },

  "GET /api/audit": {
    request: () => ({ url: "/api/audit" }),
    expect: { ...ADMIN_ONLY, otherOrg: 403 },
  },
  "GET /api/audit/export": {
    request: () => ({ url: "/api/audit/export" }),
    expect: { ...ADMIN_ONLY, otherOrg: 403 },
  },

  // Research exports (issue 17): administrators only; another organisation's id is unknown.
  "POST /api/research-exports": {
    request: () => ({ url: "/api/research-exports", body: { k: 5 } }),
    expect: { ...ADMIN_ONLY, admin: 202, otherOrg: 403 },
  },
  "GET /api/research-exports/:id": {
    request: (f) => ({ url: `/api/research-exports/${f.clientId}` }),
    expect: { ...ADMIN_ONLY, admin: 404, otherOrg: 403 },
  },
  "GET /api/research-exports/:id/download": {
    request: (f) => ({ url: `/api/research-exports/${f.clientId}/download` }),
    expect: { ...ADMIN_ONLY, admin: 404, otherOrg: 403 },
  },

  // The web app's static files: public, they hold no data (the data comes from /api).
  "GET /*": { request: () => ({ url: "/" }), expect: PUBLIC },
  "GET /healthz": {
    request: () => ({ url: "/healthz" }),
    expect: { ...PUBLIC, anonymous: 200 },
  },
  "GET /readyz": {
    request: () => ({ url: "/readyz" }),
    expect: { ...PUBLIC, anonymous: 200 },
  },
  "GET /metrics": {
    request: () => ({ url: "/metrics" }),
    expect: { ...PUBLIC, anonymous: 200 },
  },
};

/** Routes outside the matrix, each with the reason. */
const EXEMPT: { pattern: RegExp; why: string }[] = [
  {
    pattern: /^GET \/api\/docs/,
    why: "the OpenAPI document and its viewer are public, static, and hold no data",
  },
];

describe.each(DIALECTS)("authorisation matrix on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;

  beforeAll(async () => {
    runtime = await testRuntime(dialect);
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("lists every route the server registers", () => {
    const registered = app.registeredRoutes.map((r) => `${r.method} ${r.url}`);
    const missing = registered.filter(
      (key) => !(key in MATRIX) && !EXEMPT.some((e) => e.pattern.test(key)),
    );
    expect(missing, "routes without an authorisation decision").toEqual([]);
    const stale = Object.keys(MATRIX).filter(
      (key) => !registered.includes(key),
    );
    expect(stale, "matrix rows for routes that no longer exist").toEqual([]);
  });

  async function fixture(): Promise<Fixture> {
    const own = await signIn(app, EMAIL.own);
    const ids = async (s: Session) =>
      (await s.get("/api/me")).json<{ id: string }>().id;
    const client = (
      await own.post("/api/clients", { name: "Matrix Client" })
    ).json<{ id: string }>();
    const episode = (
      await own.post(`/api/clients/${client.id}/episodes`, {})
    ).json<{ id: string }>();
    const session = (
      await own.post(`/api/clients/${client.id}/sessions`, {
        startsAt: "2026-11-01T10:00:00.000Z",
      })
    ).json<{ id: string }>();
    const goal = (
      await own.post(`/api/clients/${client.id}/goals`, { text: "Matrix goal" })
    ).json<{ id: string }>();
    await own.post(`/api/clients/${client.id}/consents`, {
      kind: "routine-measurement",
      granted: true,
    });
    const risky = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [`q${i + 1}`, i === 8 ? 2 : 1]),
    );
    await own.post(`/api/clients/${client.id}/responses`, {
      instrumentId: "phq-9",
      answers: risky,
    });
    await own.post(`/api/clients/${client.id}/consents`, {
      kind: "transcript-analysis",
      granted: true,
    });
    const transcript = await app.inject({
      method: "POST",
      url: `/api/clients/${client.id}/sessions/${session.id}/transcripts`,
      headers: {
        cookie: own.cookie,
        "x-csrf-token": own.csrfToken,
        "content-type": "text/plain",
      },
      payload: TRANSCRIPT,
    });
    const checkin = (
      await own.post("/api/checkins", {
        clientId: client.id,
        instruments: ["phq-9"],
      })
    ).json<{ id: string; url: string }>();
    const alertId =
      (await own.get(`/api/clients/${client.id}/alerts`)).json<{
        items: { id: string }[];
      }>().items[0]?.id ?? "missing";
    const members = (await own.get("/api/members?limit=200")).json<{
      items: { id: string; email: string }[];
    }>().items;
    const idOf = (email: string) =>
      members.find((m) => m.email === email)?.id ?? "";
    return {
      clientId: client.id,
      episodeId: episode.id,
      sessionId: session.id,
      goalId: goal.id,
      colleagueId: idOf(EMAIL.colleague),
      supervisorId: idOf(EMAIL.supervisor),
      ownId: await ids(own),
      alertId,
      checkinId: checkin.id,
      checkinToken: checkin.url.split("/c/")[1] ?? "",
      transcriptId: transcript.json<{ id: string }>().id,
    };
  }

  for (const [key, row] of Object.entries(MATRIX)) {
    it(`${key}`, async () => {
      const [method, route] = key.split(" ") as [
        "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
        string,
      ];
      for (const actor of ACTORS) {
        const f = await fixture();
        const { url, body, contentType } = row.request(f);
        const session =
          actor === "anonymous" ? null : await signIn(app, EMAIL[actor]);
        const headers = {
          ...(session
            ? { cookie: session.cookie, "x-csrf-token": session.csrfToken }
            : {}),
          ...(contentType ? { "content-type": contentType } : {}),
        };
        const res = await app.inject({
          method,
          url,
          headers,
          ...(body === undefined
            ? method === "GET" || method === "DELETE"
              ? {}
              : { payload: {} }
            : { payload: typeof body === "string" ? body : (body as object) }),
        });
        const expected = row.expect[actor];
        const where = `${key} as ${actor} (${route}) answered ${res.statusCode} ${res.body.slice(0, 200)}`;
        if (expected === "self")
          expect([401, 403, 404], where).not.toContain(res.statusCode);
        else expect(res.statusCode, where).toBe(expected);
      }
    });
  }
});

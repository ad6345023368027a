// FHIR R4 endpoints and the subject-access FHIR export, validated with @medplum/core and checked
// against their Questionnaires, on every dialect of the matrix.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResponseAgainstQuestionnaire } from "../../src/core/fhir/checkResponse.js";
import type {
  FhirBundle,
  FhirQuestionnaire,
  FhirQuestionnaireResponse,
} from "../../src/core/fhir/types.js";
import { buildApp } from "../../src/server/app.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { validateFhir } from "../support/fhirValidator.js";
import { signIn, type Session } from "../support/http.js";

describe.each(DIALECTS)("FHIR R4 on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let t1: Session;
  let t2: Session;
  let other: Session;
  let clientId: string;

  beforeAll(async () => {
    runtime = await testRuntime(dialect);
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    [t1, t2, other] = (await Promise.all(
      [
        "therapist1@demo.rapport.test",
        "therapist2@demo.rapport.test",
        "therapist@second.rapport.test",
      ].map((e) => signIn(app, e)),
    )) as [Session, Session, Session];
    const clients = await t1.get("/api/clients?limit=1");
    clientId = clients.json<{ items: { id: string }[] }>().items[0]?.id ?? "";
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("serves a valid Questionnaire as application/fhir+json", async () => {
    const res = await t1.get("/fhir/R4/Questionnaire/phq-9");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/fhir\+json/);
    const q = res.json<FhirQuestionnaire>();
    expect(q).toMatchObject({
      resourceType: "Questionnaire",
      id: "phq-9",
      version: "1.1.0",
    });
    validateFhir(q);
  });

  it("searches a client's responses: a valid searchset whose entries match their Questionnaires", async () => {
    const res = await t1.get(
      `/fhir/R4/QuestionnaireResponse?subject=Patient/${clientId}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/fhir\+json/);
    const bundle = res.json<FhirBundle>();
    validateFhir(bundle);
    expect(bundle.type).toBe("searchset");
    expect(bundle.total).toBeGreaterThan(3);
    const questionnaires = new Map<string, FhirQuestionnaire>();
    for (const entry of bundle.entry) {
      const qr = entry.resource as FhirQuestionnaireResponse;
      expect(qr.subject?.reference).toBe(`Patient/${clientId}`);
      const id =
        /Questionnaire\/([^|]+)\|/.exec(qr.questionnaire ?? "")?.[1] ?? "";
      if (!questionnaires.has(id))
        questionnaires.set(
          id,
          (await t1.get(`/fhir/R4/Questionnaire/${id}`)).json(),
        );
      const q = questionnaires.get(id);
      if (!q) throw new Error(id);
      expect(checkResponseAgainstQuestionnaire(q, qr)).toEqual([]);
    }
    expect([...questionnaires.keys()].sort()).toEqual([
      "gad-7",
      "phq-9",
      "rapport-alliance",
    ]);
    const bare = await t1.get(
      `/fhir/R4/QuestionnaireResponse?subject=${clientId}`,
    );
    expect(bare.json<FhirBundle>().total).toBe(bundle.total);
  });

  it("authorises and audits the search exactly like the client API", async () => {
    const url = `/fhir/R4/QuestionnaireResponse?subject=${clientId}`;
    for (const session of [t2, other]) {
      const res = await session.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        resourceType: "OperationOutcome",
        issue: [{ severity: "error", code: "not-found" }],
      });
    }
    const audits = await runtime.context.db
      .selectFrom("audit_log")
      .select("action")
      .where("client_id", "=", clientId)
      .where("action", "=", "response.list")
      .execute();
    expect(audits.length).toBeGreaterThan(0);
  });

  it("requires authentication and answers errors with OperationOutcome", async () => {
    const anonymous = await app.inject({
      method: "GET",
      url: "/fhir/R4/Questionnaire/phq-9",
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["content-type"]).toMatch(
      /^application\/fhir\+json/,
    );
    const outcome = anonymous.json<object>();
    expect(outcome).toMatchObject({
      resourceType: "OperationOutcome",
      issue: [{ code: "login" }],
    });
    validateFhir(outcome);
    const unknown = await t1.get("/fhir/R4/Questionnaire/nope");
    expect(unknown.statusCode).toBe(404);
    validateFhir(unknown.json<object>());
    const bad = await t1.get("/fhir/R4/QuestionnaireResponse");
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      resourceType: "OperationOutcome",
      issue: [{ code: "invalid" }],
    });
    const badSubject = await t1.get(
      "/fhir/R4/QuestionnaireResponse?subject=Group/x",
    );
    expect(badSubject.statusCode).toBe(400);
  });

  it("includes the client's QuestionnaireResponses in the subject-access FHIR export", async () => {
    const res = await t1.get(`/api/clients/${clientId}/export?format=fhir`);
    expect(res.statusCode).toBe(200);
    const bundle = res.json<{
      entry: { resource: { resourceType: string } }[];
    }>();
    validateFhir(bundle);
    const types = bundle.entry.map((e) => e.resource.resourceType);
    expect(types).toContain("QuestionnaireResponse");
    const json = (await t1.get(`/api/clients/${clientId}/export`)).json<{
      responses: unknown[];
    }>();
    expect(json.responses.length).toBe(
      types.filter((t) => t === "QuestionnaireResponse").length,
    );
  });
});

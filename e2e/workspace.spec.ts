// The therapist workspace in Chromium: sign-in (with and without the second factor), caseload,
// a client's record, account self-service, the supervisor's read-only view and the admin pages.
// axe-core must find no WCAG A/AA violation on any page; screenshots go to e2e-artifacts/.
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentCode } from "../src/server/auth/totp.js";
import {
  axeViolations,
  launchChromium,
  screenshot,
} from "./support/browser.js";
import {
  DEMO_PASSWORD,
  startServer,
  type TestServer,
} from "./support/server.js";

const THERAPIST = "therapist1@demo.rapport.test";
const SUPERVISOR = "supervisor@demo.rapport.test";
const ADMIN = "admin@demo.rapport.test";
const README_SCREENSHOT = path.join(
  import.meta.dirname,
  "..",
  "docs",
  "screenshots",
  "caseload.png",
);

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

async function expectAccessible(name: string): Promise<void> {
  expect(await axeViolations(page), `axe violations on ${name}`).toEqual([]);
  await screenshot(page, name);
}

const phq9Table = () =>
  page.getByRole("table", {
    name: /phq-9 by session of care against the expected trajectory/,
  });

async function signIn(email: string): Promise<void> {
  await context.clearCookies();
  await page.goto(server.url + "/");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(): Promise<void> {
  await page
    .getByRole("banner")
    .getByRole("button", { name: "Sign out" })
    .click();
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "en-GB",
  });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("therapist workspace", () => {
  let clientUrl = "";

  it("starts at the sign-in page, which is accessible", async () => {
    await page.goto(server.url + "/");
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(await page.title()).toBe("Sign in · Rapport");
    await expectAccessible("sign-in");
  });

  it("signs the therapist in and shows the caseload", async () => {
    await signIn(THERAPIST);
    await page.getByRole("heading", { level: 1, name: "Caseload" }).waitFor();
    const rows = page.getByRole("table").locator("tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(3);
    await expect(
      page.getByRole("link", { name: "Sam Ortiz" }).count(),
    ).resolves.toBe(1);
    // The client with a risk answer comes first, with its reason in words (and how many more
    // alerts are open: Sam is also not improving on PHQ-9 and GAD-7) and how long it has waited.
    expect(await rows.first().locator("th").innerText()).toBe("Sam Ortiz");
    expect(await rows.first().locator("td").first().innerText()).toMatch(
      /^Risk answer( \(\+\d+ more\))?\nWaiting .+, not acknowledged$/,
    );
    // No SMTP server in this run: the workspace says urgent-alert emails are not sent.
    await page
      .getByRole("region", { name: "Warnings" })
      .getByText(/you will get no email about urgent alerts/)
      .waitFor();
    await expectAccessible("caseload");
    if (process.env.RAPPORT_UPDATE_SCREENSHOTS === "1")
      await page.screenshot({ path: README_SCREENSHOT, fullPage: false });
  });

  it("finds a client by part of the name, filtered in the browser", async () => {
    await page.getByLabel("Client name contains").fill("priya nai");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    expect(await page.locator("tbody th").innerText()).toBe("Priya Nair");
  });

  it("stays usable at tablet width", async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByLabel("Client name contains").fill("");
    await page.getByRole("button", { name: "Search" }).click();
    await expect
      .poll(() => page.locator("tbody tr").count())
      .toBeGreaterThan(1);
    const overflow = await page.evaluate<number>(
      "document.documentElement.scrollWidth - window.innerWidth",
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible("caseload-tablet");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("opens a client's record", async () => {
    await page.getByRole("link", { name: "Sam Ortiz" }).click();
    await page.getByRole("heading", { level: 1, name: "Sam Ortiz" }).waitFor();
    clientUrl = page.url();
    expect(clientUrl).toMatch(/\/clients\/[A-Za-z0-9-]+$/);
    await page.getByRole("heading", { level: 2, name: "Sessions" }).waitFor();
    // The pre-session brief, and the outcome timeline saying which model drew its band.
    await page
      .getByRole("heading", { level: 2, name: "Pre-session brief" })
      .waitFor();
    await page.getByText(/^Since last session \(/).waitFor();
    await page
      .getByText("reference model, not fitted to your clinic")
      .first()
      .waitFor();
    await page
      .getByRole("table", {
        name: /phq-9 by session of care against the expected trajectory/,
      })
      .waitFor();
    await page
      .getByText(/^Not a validated instrument/)
      .first()
      .waitFor();
    await page
      .getByText(/Loading/)
      .first()
      .waitFor({ state: "detached" })
      .catch(() => undefined);
    await expectAccessible("client");
  });

  it("acknowledges the risk alert with what was done and a note, then resolves it", async () => {
    await page
      .getByLabel('What was done about "Risk answer"')
      .selectOption("safety-plan-reviewed");
    const note = page.getByLabel('Note on "Risk answer"');
    await note.fill("Called the client; safety plan reviewed");
    await page.getByRole("button", { name: "Acknowledge Risk answer" }).click();
    await page
      .getByRole("status")
      .filter({
        hasText: "Acknowledged: Risk answer (Safety plan reviewed).",
      })
      .waitFor();
    await page
      .getByText(/^Acknowledged by .+: Safety plan reviewed\.$/)
      .waitFor();
    await page
      .getByText("Note: Called the client; safety plan reviewed")
      .waitFor();
    await page.getByRole("button", { name: "Resolve Risk answer" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Resolved: Risk answer." })
      .waitFor();
    // uPlot has drawn the chart inside it.
    await page
      .getByRole("img", { name: /phq-9 chart/ })
      .locator("canvas")
      .first()
      .waitFor();
  });

  it("adds a goal", async () => {
    await page
      .getByLabel("New goal")
      .fill("Sleep through the night twice a week");
    await page.getByRole("button", { name: "Add goal" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: 'Goal "Sleep through the night twice a week" added.' })
      .waitFor();
    await page
      .getByText("Sleep through the night twice a week", { exact: true })
      .waitFor();
  });

  it("adds a session and records that it was attended; both survive a reload", async () => {
    await page.getByLabel("Date and time").fill("2030-01-15T10:00");
    await page.getByRole("button", { name: "Add session" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Session added." })
      .waitFor();
    const status = page.getByLabel(/^Status of the session on 15 Jan 2030/);
    await status.selectOption("attended");
    await page
      .getByRole("status")
      .filter({ hasText: /marked attended/ })
      .waitFor();
    await page.reload();
    await expect(
      page.getByLabel(/^Status of the session on 15 Jan 2030/).inputValue(),
    ).resolves.toBe("attended");
    await page
      .getByText("Sleep through the night twice a week", { exact: true })
      .waitFor();
  });

  it("creates a check-in that the client completes in another browser; the new score reaches the timeline", async () => {
    const scored = () =>
      phq9Table()
        .locator("tbody td:nth-child(2)")
        .allInnerTexts()
        .then((cells) => cells.filter((c) => c !== "—"));
    const before = await scored();
    const session = page.getByLabel("Session", { exact: true });
    const value = await session
      .locator("option", { hasText: "15 Jan 2030" })
      .getAttribute("value");
    await session.selectOption(value ?? "");
    await page
      .getByLabel("Patient Health Questionnaire (PHQ-9) · outcome")
      .check();
    await page.getByRole("button", { name: "Create check-in link" }).click();
    const link = await page.getByLabel("Check-in link").inputValue();
    await page
      .getByRole("img", { name: /^QR code of the check-in link/ })
      .waitFor();
    await expectAccessible("client-checkin-link");

    // The client, on a device with none of the therapist's cookies.
    const client = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "en-GB",
    });
    client.setDefaultTimeout(10_000);
    const phone = await client.newPage();
    // The link names the configured public address; the test server listens elsewhere.
    await phone.goto(server.url + new URL(link).pathname);
    await phone
      .getByRole("heading", { level: 1, name: "Your check-in" })
      .waitFor();
    for (const [i, v] of [1, 1, 1, 1, 0, 0, 0, 0, 0].entries())
      await phone
        .locator(`input[name="a:phq-9:q${i + 1}"][value="${v}"]`)
        .check();
    await phone
      .getByLabel(
        "Is there anything that would have made today's session better?",
      )
      .fill("A quieter room");
    await phone.getByRole("button", { name: "Send my answers" }).click();
    await phone.getByRole("heading", { level: 1, name: "Thank you" }).waitFor();
    await client.close();

    await page.reload();
    await phq9Table().waitFor();
    // The latest session's score is the client's answer (PHQ-9 total 4, which it was not before).
    expect(before.at(-1)).not.toBe("4");
    await expect.poll(async () => (await scored()).at(-1)).toBe("4");
    // The session's status and the client's feedback are on the timeline too.
    const row = page
      .getByRole("region", { name: "Sessions and check-ins" })
      .locator("tr", { hasText: "15 Jan 2030" });
    await row.getByText("A quieter room").waitFor();
    expect(await row.locator("td").first().innerText()).toBe("Attended");
    await expectAccessible("client-after-checkin");
  });

  it("shows a demo transcript's profile and analyses an uploaded one", async () => {
    await page.goto(server.url + "/");
    await page.getByRole("link", { name: "Maya Okafor" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Maya Okafor" })
      .waitFor();
    await page
      .getByRole("button", { name: /^Show the profile of/ })
      .first()
      .click();
    await page
      .getByRole("table", {
        name: "Estimated MITI 4 summary scores against the MITI 4 thresholds",
      })
      .waitFor();
    await page.getByRole("list", { name: "Coded utterances" }).waitFor();
    await expectAccessible("client-transcript-profile");

    const session = page.getByLabel("Session of the transcript");
    const first = await session.locator("option").nth(1).getAttribute("value");
    await session.selectOption(first ?? "");
    await page.getByLabel("Transcript file").setInputFiles({
      name: "session.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(
        [
          "Theo: What would you like to talk about today?",
          "Maya: I keep putting off the phone calls I need to make.",
          "Theo: You feel stuck, and you want to get moving again.",
          "Maya: Yes, I really want to get them done this week.",
        ].join("\n"),
      ),
    });
    await page.getByLabel("Therapist's speaker name (optional)").fill("Theo");
    await page.getByRole("button", { name: "Upload and analyse" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "session.txt uploaded; it is being analysed." })
      .waitFor();
    // The section polls until the analysis is done, then shows the new profile.
    await page
      .getByRole("list", { name: "Coded utterances" })
      .getByText("I keep putting off the phone calls I need to make.")
      .waitFor();

    // Deleting it asks first, then leaves the demo transcripts as they were.
    const rows = page.getByRole("table", { name: "Transcripts by session" });
    const before = await rows.locator("tbody tr").count();
    const uploaded = rows.locator("tbody tr").filter({
      has: page.getByRole("button", {
        name: /^Show the profile of/,
        pressed: true,
      }),
    });
    page.once("dialog", (dialog) => void dialog.accept());
    await uploaded
      .getByRole("button", { name: /^Delete the transcript of/ })
      .click();
    await page
      .getByRole("status")
      .filter({ hasText: /^Deleted the transcript of / })
      .waitFor();
    await expect.poll(() => rows.locator("tbody tr").count()).toBe(before - 1);
  });

  it("enrols an authenticator app from the account page and shows recovery codes", async () => {
    await page.getByRole("link", { name: "Account" }).click();
    await page.getByRole("heading", { level: 1, name: "Account" }).waitFor();
    await expectAccessible("account");
    await page
      .getByRole("button", { name: "Set up an authenticator app" })
      .click();
    const secret = await page.getByTestId("totp-secret").innerText();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectAccessible("account-totp-setup");
    await page
      .getByLabel("Code shown by the app")
      .fill(await currentCode(secret, new Date()));
    await page.getByRole("button", { name: "Turn on" }).click();
    const codes = page
      .getByRole("list", { name: "Recovery codes" })
      .getByRole("listitem");
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await expectAccessible("account-recovery-codes");
    const recoveryCode = await codes.first().innerText();

    await signOut();
    await signIn(THERAPIST);
    // The code that turned TOTP on is used up (a code is accepted once), and the next one may be
    // up to 30 s away: sign in with a recovery code, through the same field.
    await page
      .getByLabel("Code from your authenticator app")
      .fill(recoveryCode);
    await expectAccessible("sign-in-code");
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("heading", { level: 1, name: "Caseload" }).waitFor();
  });

  it("keeps a client page across a reload (SPA fallback, fresh CSRF token)", async () => {
    await page.goto(clientUrl);
    await page.getByRole("heading", { level: 1, name: "Sam Ortiz" }).waitFor();
    await page.getByLabel("New goal").fill("Walk to work");
    await page.getByRole("button", { name: "Add goal" }).click();
    await page.getByText("Walk to work", { exact: true }).waitFor();
    await signOut();
  });
});

describe("supervisor", () => {
  it("reads supervisees' caseloads without edit controls", async () => {
    await signIn(SUPERVISOR);
    await page
      .getByRole("heading", { level: 1, name: "Supervisees' caseloads" })
      .waitFor();
    await page.locator("tbody tr").first().waitFor();
    await expectAccessible("supervisor-caseload");
    await page.locator("tbody th a").first().click();
    await page
      .getByText("Read-only: you can see this record but not change it.")
      .waitFor();
    await page.getByRole("heading", { level: 2, name: "Goals" }).waitFor();
    expect(await page.getByRole("button", { name: "Add goal" }).count()).toBe(
      0,
    );
    expect(
      await page.getByRole("button", { name: "Add session" }).count(),
    ).toBe(0);
    await expectAccessible("supervisor-client");
    await signOut();
  });
});

describe("administrator", () => {
  it("reaches members, organisation, audit log and client access, all accessible", async () => {
    await signIn(ADMIN);
    await page.getByRole("heading", { level: 1, name: "Members" }).waitFor();
    await page.getByRole("cell", { name: THERAPIST }).waitFor();
    await expectAccessible("admin-members");
    for (const [link, heading, name] of [
      ["Organisation", "Organisation", "admin-organisation"],
      ["Audit log", "Audit log", "admin-audit"],
      ["Client access", "Client access", "admin-client-access"],
      ["Instrument packs", "Instrument packs", "admin-instruments"],
    ] as const) {
      await page
        .getByRole("navigation")
        .getByRole("link", { name: link })
        .click();
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      if (name === "admin-audit")
        await page.locator("tbody tr").first().waitFor();
      if (name === "admin-organisation")
        await page.getByLabel("Organisation name").waitFor();
      if (name === "admin-instruments")
        await page.getByRole("cell", { name: "phq-9", exact: true }).waitFor();
      await expectAccessible(name);
    }
    // A pack with mistakes is refused with every problem listed.
    await page.getByLabel("Pack file (JSON)").setInputFiles({
      name: "broken-pack.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ id: "Broken Pack!" })),
    });
    await page.getByRole("button", { name: "Install pack" }).click();
    const problems = page
      .getByRole("list", { name: "Problems in the pack" })
      .getByRole("listitem");
    await problems.first().waitFor();
    expect(await problems.count()).toBeGreaterThan(1);
    await expectAccessible("admin-instruments-refused");
    await signOut();
  });

  it("offers a password reset page while signed out", async () => {
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Reset your password" })
      .waitFor();
    await expectAccessible("reset-password");
  });
});

describe("artifacts", () => {
  it("saved a screenshot of every main page", () => {
    for (const name of [
      "sign-in",
      "caseload",
      "client",
      "account",
      "admin-members",
    ])
      expect(
        fs.existsSync(
          path.join(import.meta.dirname, "..", "e2e-artifacts", `${name}.png`),
        ),
      ).toBe(true);
  });
});

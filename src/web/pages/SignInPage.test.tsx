import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logout } from "../api/auth";
import { setCsrfToken } from "../api/http";
import type { Me } from "../api/types";
import { fakeApi } from "../testing/fakeApi";
import { SignInPage } from "./SignInPage";

const me: Me = {
  id: "m1",
  organisationId: "o1",
  email: "t@example.org",
  name: "Theo",
  role: "therapist",
  totpEnabled: true,
  totpRequired: false,
};

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function fillAndSubmit() {
  fireEvent.change(screen.getByLabelText("Email"), {
    target: { value: "t@example.org" },
  });
  fireEvent.change(screen.getByLabelText("Password"), {
    target: { value: "secret" },
  });
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("SignInPage", () => {
  it("has a labelled email field, password field and submit button", () => {
    render(<SignInPage onSignedIn={() => undefined} />);
    expect(
      screen.getByRole("heading", { level: 1, name: "Sign in" }),
    ).toBeTruthy();
    expect(screen.getByLabelText("Email").getAttribute("type")).toBe("email");
    expect(screen.getByLabelText("Password").getAttribute("type")).toBe(
      "password",
    );
  });

  it("signs in without a second factor", async () => {
    const calls = fakeApi({
      "POST /api/auth/login": {
        secondFactorRequired: false,
        csrfToken: "c1",
        me,
      },
    });
    const onSignedIn = vi.fn();
    render(<SignInPage onSignedIn={onSignedIn} />);
    fillAndSubmit();
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(me));
    expect(calls[0]?.body).toEqual({
      email: "t@example.org",
      password: "secret",
    });
    expect(calls[0]?.headers["x-csrf-token"]).toBeUndefined();
  });

  it("asks for the authenticator code when the answer says so, sending the CSRF token", async () => {
    const calls = fakeApi({
      "POST /api/auth/login": {
        secondFactorRequired: true,
        csrfToken: "c2",
        me: null,
      },
      "POST /api/auth/totp/verify": { ok: true, csrfToken: "c3" },
      "GET /api/me": me,
      "POST /api/auth/logout": { ok: true },
    });
    const onSignedIn = vi.fn();
    render(<SignInPage onSignedIn={onSignedIn} />);
    fillAndSubmit();
    const code = await screen.findByLabelText(
      "Code from your authenticator app",
    );
    fireEvent.change(code, { target: { value: "123 456" } });
    fireEvent.click(screen.getByRole("button", { name: "Verify" }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(me));
    const verify = calls.find((c) => c.url === "/api/auth/totp/verify");
    expect(verify?.body).toEqual({ code: "123456" });
    expect(verify?.headers["x-csrf-token"]).toBe("c2");
    // The code starts a new session: later changes carry its CSRF token.
    await logout();
    expect(calls.at(-1)?.headers["x-csrf-token"]).toBe("c3");
  });

  it("goes back to the password when too many wrong codes end the pending sign-in", async () => {
    fakeApi({
      "POST /api/auth/login": {
        secondFactorRequired: true,
        csrfToken: "c2",
        me: null,
      },
      "POST /api/auth/totp/verify": () => [
        401,
        {
          error: {
            code: "unauthenticated",
            message: "too many wrong codes; sign in again",
            details: { sessionEnded: true },
          },
        },
      ],
    });
    render(<SignInPage onSignedIn={() => undefined} />);
    fillAndSubmit();
    fireEvent.change(
      await screen.findByLabelText("Code from your authenticator app"),
      { target: { value: "000000" } },
    );
    fireEvent.click(screen.getByRole("button", { name: "Verify" }));
    await screen.findByRole("button", { name: "Sign in" });
    expect(
      screen
        .getByText("too many wrong codes; sign in again")
        .getAttribute("role"),
    ).toBe("alert");
  });

  it("says why sign-in failed", async () => {
    fakeApi({
      "POST /api/auth/login": () => [
        401,
        {
          error: {
            code: "unauthenticated",
            message: "wrong email or password",
          },
        },
      ],
    });
    render(<SignInPage onSignedIn={() => undefined} />);
    fillAndSubmit();
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        "wrong email or password",
      ),
    );
  });
});

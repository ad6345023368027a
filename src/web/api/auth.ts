// Sign-in, the second factor, and account self-service.
import { api, setCsrfToken } from "./http";
import type { LoginResult, Me } from "./types";

export async function login(
  email: string,
  password: string,
): Promise<LoginResult> {
  const result = await api<LoginResult>("POST", "/api/auth/login", {
    email,
    password,
  });
  setCsrfToken(result.csrfToken);
  return result;
}

/** A right code starts a new session, with a CSRF token of its own. */
export async function verifyTotp(code: string): Promise<void> {
  const result = await api<{ ok: boolean; csrfToken: string }>(
    "POST",
    "/api/auth/totp/verify",
    { code },
  );
  setCsrfToken(result.csrfToken);
}

export const fetchMe = () => api<Me>("GET", "/api/me");

export async function logout(everywhere = false): Promise<void> {
  await api(
    "POST",
    everywhere ? "/api/auth/logout-everywhere" : "/api/auth/logout",
  );
  setCsrfToken(null);
}

export const changePassword = (currentPassword: string, newPassword: string) =>
  api<{ ok: boolean }>("POST", "/api/auth/password", {
    currentPassword,
    newPassword,
  });

export const setupTotp = () =>
  api<{ secret: string; uri: string }>("POST", "/api/auth/totp/setup");

export const enableTotp = (code: string) =>
  api<{ recoveryCodes: string[] }>("POST", "/api/auth/totp/enable", { code });

export const disableTotp = (password: string) =>
  api<{ ok: boolean }>("POST", "/api/auth/totp/disable", { password });

export const requestPasswordReset = (email: string) =>
  api<{ ok: boolean }>("POST", "/api/auth/password-reset/request", { email });

export const completePasswordReset = (token: string, newPassword: string) =>
  api<{ ok: boolean }>("POST", "/api/auth/password-reset/complete", {
    token,
    newPassword,
  });

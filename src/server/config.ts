// The only reader of process.env: one typed, frozen config, validated at start.
import net from "node:net";
import path from "node:path";

export type DatabaseUrl =
  { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string };

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Where the audit chain's heads are anchored, outside the database (see SECURITY.md). */
  readonly auditAnchor: string;
  readonly database: DatabaseUrl;
  readonly demoPassword: string | undefined;
  readonly dataKey: string | undefined;
  readonly logLevel: string;
  /**
   * Which reverse proxies may name the client's address (X-Forwarded-For): none, the number of
   * proxies in front of Rapport, or their addresses. Never "any client".
   */
  readonly trustProxy: TrustProxy;
  readonly bodyLimit: number;
  readonly publicUrl: string;
  /** Cookies carry `Secure` when the public URL is https (TLS may end at a proxy). */
  readonly secureCookies: boolean;
  readonly sessionIdleSeconds: number;
  readonly sessionAbsoluteSeconds: number;
  readonly loginRatePerMinute: number;
  readonly modelMinClients: number;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly checkin: CheckinConfig;
  readonly transcriptMaxBytes: number;
  readonly transcriptThreadBytes: number;
  /** On a SQLite file, check-in submissions are written by a thread of their own. */
  readonly submissionThread: boolean;
}

/** Check-in defaults; an organisation's settings override the reminder and escalation delays. */
export interface CheckinConfig {
  readonly expiryHours: number;
  readonly reminderHours: number;
  readonly escalationMinutes: number;
}

/** false, a hop count, or proxy addresses / CIDR ranges (as Fastify's `trustProxy` takes them). */
export type TrustProxy = false | number | readonly string[];

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(
      `${name} must be an integer between ${min} and ${max}, got "${raw}"`,
    );
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "no"].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

// proxy-addr's names for address ranges, accepted beside addresses and CIDR ranges.
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = "", prefix, extra] = entry.split("/");
  const family = net.isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** RAPPORT_TRUST_PROXY: false, a hop count (1-10), or a comma-separated list of proxy addresses. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? "").trim();
  if (["", "0", "false", "no"].includes(value.toLowerCase())) return false;
  if (["true", "yes"].includes(value.toLowerCase()))
    throw new ConfigError(
      "RAPPORT_TRUST_PROXY=true would let any client forge its address in X-Forwarded-For; give the number of proxies in front of Rapport (e.g. 1) or their addresses (e.g. 10.0.0.5,10.0.1.0/24)",
    );
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10)
      throw new ConfigError(
        `RAPPORT_TRUST_PROXY must be a hop count from 1 to 10 or proxy addresses, got "${value}"`,
      );
    return hops;
  }
  const entries = value.split(",").map((e) => e.trim());
  const bad = entries.find((e) => !isProxyAddress(e));
  if (bad !== undefined)
    throw new ConfigError(
      `RAPPORT_TRUST_PROXY must be false, a hop count, or proxy addresses / CIDR ranges separated by commas; "${bad}" is none of these`,
    );
  return Object.freeze(entries);
}

function publicUrlOf(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`RAPPORT_PUBLIC_URL must be a URL, got "${raw}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new ConfigError(
      `RAPPORT_PUBLIC_URL must start with http:// or https://, got "${raw}"`,
    );
  return raw.replace(/\/+$/, "");
}

export function parseDatabaseUrl(raw: string, dataDir: string): DatabaseUrl {
  if (raw.startsWith("sqlite:")) {
    const file = raw.slice("sqlite:".length);
    if (file === "")
      throw new ConfigError("RAPPORT_DATABASE_URL sqlite: needs a file path");
    return { dialect: "sqlite", file: path.resolve(dataDir, file) };
  }
  if (raw.startsWith("postgres://") || raw.startsWith("postgresql://")) {
    return { dialect: "postgres", url: raw };
  }
  throw new ConfigError(
    `RAPPORT_DATABASE_URL must start with sqlite: or postgres://, got "${raw.split(":")[0]}:…"`,
  );
}

/** Reads and validates the RAPPORT_* variables; throws ConfigError with one clear line. */
export function loadConfig(env: Env = process.env): Config {
  const dataDir = path.resolve(env.RAPPORT_DATA_DIR || "./data");
  const port = integer(env, "RAPPORT_PORT", 8080, 0, 65_535);
  const host = env.RAPPORT_HOST || "0.0.0.0";
  const database = parseDatabaseUrl(
    env.RAPPORT_DATABASE_URL || "sqlite:rapport.db",
    dataDir,
  );
  const demoPassword = env.RAPPORT_DEMO_PASSWORD || undefined;
  if (demoPassword !== undefined && demoPassword.length < 8) {
    throw new ConfigError(
      "RAPPORT_DEMO_PASSWORD must be at least 8 characters",
    );
  }
  const publicUrl = publicUrlOf(
    env.RAPPORT_PUBLIC_URL || `http://localhost:${port}`,
  );
  return Object.freeze({
    port,
    host,
    dataDir,
    auditAnchor: path.resolve(
      dataDir,
      env.RAPPORT_AUDIT_ANCHOR || "audit-anchor.json",
    ),
    database,
    demoPassword,
    dataKey: env.RAPPORT_DATA_KEY || undefined,
    logLevel: env.RAPPORT_LOG_LEVEL || "info",
    trustProxy: parseTrustProxy(env.RAPPORT_TRUST_PROXY),
    bodyLimit: integer(
      env,
      "RAPPORT_BODY_LIMIT",
      1_048_576,
      1_024,
      104_857_600,
    ), // 1 MiB
    publicUrl,
    secureCookies: publicUrl.startsWith("https://"),
    sessionIdleSeconds: integer(
      env,
      "RAPPORT_SESSION_IDLE_SECONDS",
      1_800,
      60,
      86_400,
    ), // 30 min
    loginRatePerMinute: integer(
      env,
      "RAPPORT_LOGIN_RATE_PER_MINUTE",
      30,
      1,
      100_000,
    ), // per address
    // Design choice: fewer clients than this and `rapport model fit` keeps the reference model.
    modelMinClients: integer(
      env,
      "RAPPORT_MODEL_MIN_CLIENTS",
      50,
      5,
      1_000_000,
    ),
    smtpUrl: env.RAPPORT_SMTP_URL || undefined,
    mailFrom: env.RAPPORT_MAIL_FROM || "Rapport <no-reply@localhost>",
    checkin: Object.freeze({
      expiryHours: integer(env, "RAPPORT_CHECKIN_EXPIRY_HOURS", 72, 1, 2_160), // 3 days
      reminderHours: integer(env, "RAPPORT_CHECKIN_REMINDER_HOURS", 24, 1, 720), // 1 day
      escalationMinutes: integer(
        env,
        "RAPPORT_ALERT_ESCALATION_MINUTES",
        240,
        5,
        10_080,
      ), // 4 h
    }),
    transcriptMaxBytes: integer(
      env,
      "RAPPORT_TRANSCRIPT_MAX_BYTES",
      20_971_520,
      1_024,
      1_073_741_824,
    ), // 20 MiB
    transcriptThreadBytes: integer(
      env,
      "RAPPORT_TRANSCRIPT_THREAD_BYTES",
      65_536,
      0,
      1_073_741_824,
    ), // 64 KiB: larger transcripts are analysed in a worker thread
    submissionThread: flag(env, "RAPPORT_SUBMISSION_THREAD", true),
    sessionAbsoluteSeconds: integer(
      env,
      "RAPPORT_SESSION_ABSOLUTE_SECONDS",
      43_200,
      300,
      604_800,
    ), // 12 h
  });
}

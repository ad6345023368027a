// A real SMTP server on loopback (smtp-server) that keeps every message it receives.
import { SMTPServer } from "smtp-server";

export interface Mailbox {
  port: number;
  url: string;
  messages: string[];
  /** Waits until at least n messages have arrived (or fails after timeoutMs). */
  waitFor(n: number, timeoutMs?: number): Promise<string[]>;
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const messages: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      let data = "";
      stream.on("data", (c: Buffer) => (data += c.toString()));
      stream.on("end", () => {
        messages.push(data);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitFor(n, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < n && Date.now() < until)
        await new Promise((r) => setTimeout(r, 25));
      if (messages.length < n)
        throw new Error(`expected ${n} messages, got ${messages.length}`);
      return messages;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** The message text with quoted-printable soft breaks and =XX escapes undone. */
export function plainText(message: string): string {
  return message
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
}

/** The token of the password link (reset or invitation) in a message, or "" when none. */
export function passwordLinkToken(message: string): string {
  return (
    /reset-password#token=([A-Za-z0-9_-]+)/.exec(plainText(message))?.[1] ?? ""
  );
}

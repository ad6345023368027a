// Outgoing email over SMTP (nodemailer). Messages never carry client names or answers.
import nodemailer from "nodemailer";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly configured: boolean;
  send(mail: Mail): Promise<void>;
}

export function createMailer(
  config: Pick<Config, "smtpUrl" | "mailFrom">,
): Mailer {
  if (!config.smtpUrl) {
    return {
      configured: false,
      send: () =>
        Promise.reject(
          new AppError(
            "unavailable",
            "email is not configured (set RAPPORT_SMTP_URL)",
          ),
        ),
    };
  }
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    configured: true,
    async send(mail) {
      await transport.sendMail({ from: config.mailFrom, ...mail });
    },
  };
}

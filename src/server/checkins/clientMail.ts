// The email that carries a check-in link. Neutral subject; no answers, no clinical words.
import type { Mail } from "../mail/mailer.js";

export function checkinMail(input: {
  to: string;
  url: string;
  organisationName: string;
  expiresAt: string;
  reminder: boolean;
}): Mail {
  const until = new Date(input.expiresAt).toUTCString();
  return {
    to: input.to,
    subject: input.reminder
      ? `Reminder: your check-in from ${input.organisationName}`
      : `Your check-in from ${input.organisationName}`,
    text:
      (input.reminder
        ? "This is a reminder: your check-in is still waiting for you.\n\n"
        : "Your therapist has asked you to answer a short check-in about your last session.\n\n") +
      `It takes about a minute: ${input.url}\n\n` +
      `The link works until ${until}. Please do not forward it: anyone with the link can answer.\n\n` +
      `To stop these emails: ${input.url}/unsubscribe\n`,
  };
}

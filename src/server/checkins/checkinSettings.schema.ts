// The organisation settings that shape check-ins (PATCH /api/organisation), validated at the edge.
import { Type } from "@fastify/type-provider-typebox";

const ClockTime = Type.String({
  pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$",
  description: "HH:MM, local time",
});

export const checkinSettingsSchema = {
  checkinSchedule: Type.Optional(
    Type.Array(
      Type.Object(
        {
          instrumentId: Type.String({
            pattern: "^[a-z0-9][a-z0-9-]*$",
            maxLength: 64,
          }),
          everyNthSession: Type.Integer({ minimum: 1, maximum: 52 }),
        },
        { additionalProperties: false },
      ),
      {
        maxItems: 10,
        description:
          "Check-ins created when a session is marked attended: each instrument at every n-th attended session of the episode.",
      },
    ),
  ),
  checkinReminderHours: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 720,
      description: "Hours after sending before the one reminder.",
    }),
  ),
  quietHours: Type.Optional(
    Type.Object(
      { start: ClockTime, end: ClockTime },
      {
        additionalProperties: false,
        description:
          "No reminders in this window of the organisation's time zone.",
      },
    ),
  ),
  alertEscalationMinutes: Type.Optional(
    Type.Integer({
      minimum: 5,
      maximum: 10_080,
      description:
        "Minutes before an unacknowledged critical alert is escalated to the supervisors.",
    }),
  ),
};

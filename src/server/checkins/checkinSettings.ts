// The organisation's check-in settings (JSON in organisations.settings), with the server's
// defaults from config for whatever the organisation has not set.
import type { AppContext } from "../context.js";
import type { Db } from "../db/database.js";
import { findOrganisationSettings } from "../organisations/organisations.repository.js";

export interface ScheduleRule {
  instrumentId: string;
  /** 1 = every attended session, 2 = every second one, … */
  everyNthSession: number;
}

export interface QuietHours {
  start: string; // "HH:MM", local time
  end: string;
}

export interface CheckinSettings {
  organisationName: string;
  crisisInformation: string | null;
  timeZone: string;
  schedule: ScheduleRule[];
  reminderHours: number;
  quietHours: QuietHours | null;
  escalationMinutes: number;
}

interface StoredSettings {
  crisisInformation?: string;
  timeZone?: string;
  checkinSchedule?: ScheduleRule[];
  checkinReminderHours?: number;
  quietHours?: QuietHours;
  alertEscalationMinutes?: number;
}

function knownTimeZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

export async function checkinSettings(
  context: Pick<AppContext, "config">,
  db: Db,
  organisationId: string,
): Promise<CheckinSettings> {
  const org = await findOrganisationSettings(db, organisationId);
  const s = JSON.parse(org.settings) as StoredSettings;
  const defaults = context.config.checkin;
  return {
    organisationName: org.name,
    crisisInformation: s.crisisInformation?.trim() || null,
    timeZone: knownTimeZone(s.timeZone) ?? "UTC",
    schedule: s.checkinSchedule ?? [],
    reminderHours: s.checkinReminderHours ?? defaults.reminderHours,
    quietHours: s.quietHours ?? null,
    escalationMinutes: s.alertEscalationMinutes ?? defaults.escalationMinutes,
  };
}

// The client pages' own text, per language. Instrument items never come from here: they are
// shown only in the official wording their pack holds.
export type Language = "en" | "de";
export const LANGUAGES: readonly Language[] = ["en", "de"];

const en = {
  languageName: "English",
  languageNav: "Language",
  title: "Your check-in",
  intro:
    "A few questions about your last session and how things are for you. It takes about a minute.",
  notWatched:
    "Your answers are not watched around the clock, so nobody may read them for a while. If you need help now, do not wait for a reply:",
  crisisLink: "Need help now?",
  crisisHeading: "If you need help now",
  crisisFallback:
    "If you are in danger or might act on thoughts of harming yourself, call your local emergency number now.",
  privacyHeading: "Who sees your answers",
  privacy:
    "Your answers go to your therapist at {org}. Their clinical supervisor may see them too. They are stored encrypted and are not shared with anyone else without your consent.",
  itemsLanguageNote: "",
  progress: "{answered} of {total} questions answered",
  questionOf: "Question {n} of {total}",
  feedbackLabel:
    "Is there anything that would have made today's session better?",
  feedbackHint: "Optional. Your therapist will read this.",
  submit: "Send my answers",
  save: "Save and finish later",
  savedStatus: "Your answers so far are saved.",
  saved:
    "Your answers so far are saved. You can close this page and come back to the same link to finish, until {date}.",
  errorSummary: "Please answer every question. These still need an answer:",
  missing: "Please choose an answer.",
  invalid: "Please choose one of the answers shown.",
  notSaved:
    "Your answers could not be sent just now. Everything you entered is still here: please try again in a moment.",
  thanksHeading: "Thank you",
  thanks: "Your answers have been sent to your therapist.",
  riskThanks:
    "Thank you for answering honestly. Your therapist will see your answers, but not straight away.",
  riskAdvice:
    "If you are thinking about harming yourself, please do not wait for them:",
  sharedDevice:
    "You can close this page now. On a shared device, nothing of your answers is shown here again.",
  progressLink: "See your progress over time",
  usedHeading: "This check-in is already done",
  used: "Thank you: your answers for this check-in have arrived. There is nothing more to do. If you want to add something, tell your therapist.",
  expiredHeading: "This link has expired",
  expired:
    "Check-in links stay open for a few days, so that answers belong to the right session. Please ask your therapist for a new link.",
  unknownHeading: "We do not recognise this link",
  unknown:
    "Please check that the whole link was copied, or ask your therapist for a new one.",
  errorHeading: "Something went wrong",
  error:
    "Please try again in a moment. If it keeps happening, tell your therapist.",
  unsubscribeHeading: "Stop check-in emails",
  unsubscribe:
    "You will get no more check-in emails or reminders from {org}. Your therapist can still give you a link in person.",
  unsubscribeButton: "Stop the emails",
  unsubscribed: "Done: you will get no more check-in emails.",
  progressTitle: "Your progress",
  progressIntro: "Your scores from your check-ins, oldest first.",
  progressDirectionWorse: "Lower scores mean fewer difficulties.",
  progressDirectionBetter: "Higher scores mean more wellbeing.",
  progressChartLabel: "{instrument}: scores over time",
  tableCaption: "{instrument} scores",
  date: "Date",
  score: "Score",
  noScores: "There are no scores to show yet.",
  allianceHeading: "How sessions felt",
  progressUnavailable:
    "This progress page is not available. Please ask your therapist for a new link.",
};

export type MessageKey = keyof typeof en;

const de: Record<MessageKey, string> = {
  languageName: "Deutsch",
  languageNav: "Sprache",
  title: "Ihre Rückmeldung",
  intro:
    "Einige Fragen zu Ihrer letzten Sitzung und dazu, wie es Ihnen geht. Das dauert etwa eine Minute.",
  notWatched:
    "Ihre Antworten werden nicht rund um die Uhr gelesen; es kann eine Weile dauern, bis jemand sie sieht. Wenn Sie jetzt Hilfe brauchen, warten Sie nicht auf eine Antwort:",
  crisisLink: "Jetzt Hilfe nötig?",
  crisisHeading: "Wenn Sie jetzt Hilfe brauchen",
  crisisFallback:
    "Wenn Sie in Gefahr sind oder daran denken, sich etwas anzutun, rufen Sie jetzt die örtliche Notrufnummer an.",
  privacyHeading: "Wer Ihre Antworten sieht",
  privacy:
    "Ihre Antworten gehen an Ihre Therapeutin oder Ihren Therapeuten bei {org}. Auch die klinische Supervision kann sie sehen. Sie werden verschlüsselt gespeichert und ohne Ihre Einwilligung an niemanden sonst weitergegeben.",
  itemsLanguageNote:
    "Die Fragebögen werden in ihrem offiziellen Wortlaut gezeigt. Liegt keine geprüfte deutsche Fassung vor, erscheinen sie auf Englisch.",
  progress: "{answered} von {total} Fragen beantwortet",
  questionOf: "Frage {n} von {total}",
  feedbackLabel: "Gibt es etwas, das die heutige Sitzung besser gemacht hätte?",
  feedbackHint: "Freiwillig. Ihre Therapeutin oder Ihr Therapeut liest das.",
  submit: "Antworten senden",
  save: "Speichern und später beenden",
  savedStatus: "Ihre bisherigen Antworten sind gespeichert.",
  saved:
    "Ihre bisherigen Antworten sind gespeichert. Sie können diese Seite schließen und bis {date} über denselben Link weitermachen.",
  errorSummary: "Bitte beantworten Sie jede Frage. Diese fehlen noch:",
  missing: "Bitte wählen Sie eine Antwort.",
  invalid: "Bitte wählen Sie eine der gezeigten Antworten.",
  notSaved:
    "Ihre Antworten konnten gerade nicht gesendet werden. Alles, was Sie eingegeben haben, ist noch da: Bitte versuchen Sie es gleich noch einmal.",
  thanksHeading: "Vielen Dank",
  thanks:
    "Ihre Antworten wurden an Ihre Therapeutin oder Ihren Therapeuten gesendet.",
  riskThanks:
    "Danke für Ihre ehrlichen Antworten. Sie werden gelesen, aber nicht sofort.",
  riskAdvice:
    "Wenn Sie daran denken, sich etwas anzutun, warten Sie bitte nicht:",
  sharedDevice:
    "Sie können diese Seite jetzt schließen. Auf einem geteilten Gerät wird hier nichts von Ihren Antworten mehr gezeigt.",
  progressLink: "Ihren Verlauf ansehen",
  usedHeading: "Diese Rückmeldung ist schon erledigt",
  used: "Danke: Ihre Antworten sind angekommen. Sie müssen nichts mehr tun. Wenn Sie etwas ergänzen möchten, sagen Sie es Ihrer Therapeutin oder Ihrem Therapeuten.",
  expiredHeading: "Dieser Link ist abgelaufen",
  expired:
    "Links bleiben einige Tage offen, damit die Antworten zur richtigen Sitzung gehören. Bitte bitten Sie um einen neuen Link.",
  unknownHeading: "Diesen Link kennen wir nicht",
  unknown:
    "Bitte prüfen Sie, ob der ganze Link kopiert wurde, oder bitten Sie um einen neuen.",
  errorHeading: "Etwas ist schiefgegangen",
  error:
    "Bitte versuchen Sie es gleich noch einmal. Wenn das wieder passiert, sagen Sie es Ihrer Therapeutin oder Ihrem Therapeuten.",
  unsubscribeHeading: "Keine Rückmeldungs-E-Mails mehr",
  unsubscribe:
    "Sie erhalten dann keine Rückmeldungs-E-Mails und Erinnerungen von {org} mehr. Einen Link können Sie weiterhin persönlich bekommen.",
  unsubscribeButton: "E-Mails abbestellen",
  unsubscribed: "Erledigt: Sie erhalten keine Rückmeldungs-E-Mails mehr.",
  progressTitle: "Ihr Verlauf",
  progressIntro: "Ihre Werte aus Ihren Rückmeldungen, die ältesten zuerst.",
  progressDirectionWorse: "Niedrigere Werte bedeuten weniger Beschwerden.",
  progressDirectionBetter: "Höhere Werte bedeuten mehr Wohlbefinden.",
  progressChartLabel: "{instrument}: Werte im Verlauf",
  tableCaption: "Werte {instrument}",
  date: "Datum",
  score: "Wert",
  noScores: "Noch keine Werte vorhanden.",
  allianceHeading: "Wie sich die Sitzungen angefühlt haben",
  progressUnavailable:
    "Diese Verlaufsseite ist nicht verfügbar. Bitte bitten Sie um einen neuen Link.",
};

const CATALOGUE: Record<Language, Record<MessageKey, string>> = { en, de };

export type Translate = (
  key: MessageKey,
  vars?: Record<string, string | number>,
) => string;

export function translator(language: Language): Translate {
  return (key, vars = {}) =>
    CATALOGUE[language][key].replace(/\{(\w+)\}/g, (m, name: string) =>
      name in vars ? String(vars[name]) : m,
    );
}

/** ?lang= first, then the best Accept-Language match, then English. */
export function pickLanguage(
  query: string | undefined,
  acceptLanguage: string | undefined,
): Language {
  const asked = (query ?? "").toLowerCase();
  if ((LANGUAGES as readonly string[]).includes(asked))
    return asked as Language;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return {
        lang: tag.toLowerCase().split("-")[0] ?? "",
        q: q ? Number(q.split("=")[1]) : 1,
      };
    })
    .filter((x) => Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  const match = ranked.find((x) =>
    (LANGUAGES as readonly string[]).includes(x.lang),
  );
  return (match?.lang as Language | undefined) ?? "en";
}

/** Every key of every catalogue has text (English may leave a note empty on purpose). */
export function catalogueKeys(): { language: Language; keys: string[] }[] {
  return LANGUAGES.map((language) => ({
    language,
    keys: Object.keys(CATALOGUE[language]),
  }));
}

// The account screen: name, language, password.
const nl = {
  title: "Mijn account",
  mailOff: "Deze server verstuurt geen e-mail: meldingen en wachtwoordherstel per mail staan uit.",
  profile: {
    title: "Profiel",
    name: "Naam",
    email: "E-mailadres",
    emailHint: "Je meldt je aan met dit adres.",
  },
  language: {
    title: "Taal",
    label: "Taal van de interface",
    hint: "Themawerk onthoudt je keuze, ook op andere toestellen.",
  },
  password: {
    title: "Wachtwoord wijzigen",
    current: "Huidig wachtwoord",
    new: "Nieuw wachtwoord",
    newHint: "Minstens {{min}} tekens.",
    confirm: "Herhaal het nieuwe wachtwoord",
    mismatch: "De twee wachtwoorden verschillen.",
    submit: "Wachtwoord wijzigen",
    submitting: "Bezig met wijzigen…",
    changed: "Je wachtwoord is gewijzigd. Je andere sessies zijn afgemeld.",
    wrongCurrent: "Het huidige wachtwoord klopt niet.",
  },
  mail: {
    title: "E-mail",
    commentMail: "Mail me bij vermeldingen en antwoorden",
    digest: "Overzicht per mail",
    digestHint:
      "Nieuwe lessen om te wegen in de thema's die je volgt, nieuwe gesprekken in de documenten die je volgt en wat er veranderde sinds het laatste overleg.",
    frequency: { daily: "dagelijks", weekly: "wekelijks", off: "uit" },
    saved: "Je mailvoorkeuren zijn bewaard.",
  },
};

const en: typeof nl = {
  title: "My account",
  mailOff: "This server sends no email: notifications and password reset by email are off.",
  profile: {
    title: "Profile",
    name: "Name",
    email: "Email address",
    emailHint: "You log in with this address.",
  },
  language: {
    title: "Language",
    label: "Interface language",
    hint: "Themawerk remembers your choice, on other devices too.",
  },
  password: {
    title: "Change password",
    current: "Current password",
    new: "New password",
    newHint: "At least {{min}} characters.",
    confirm: "Repeat the new password",
    mismatch: "The two passwords differ.",
    submit: "Change password",
    submitting: "Changing…",
    changed: "Your password has been changed. Your other sessions have been logged out.",
    wrongCurrent: "The current password is wrong.",
  },
  mail: {
    title: "Email",
    commentMail: "Mail me about mentions and replies",
    digest: "Digest by mail",
    digestHint:
      "New lessons to weigh in the themes you follow, new conversations in the documents you follow and what changed since the last meeting.",
    frequency: { daily: "daily", weekly: "weekly", off: "off" },
    saved: "Your mail preferences have been saved.",
  },
};

export default { nl, en };

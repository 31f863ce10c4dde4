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
};

export default { nl, en };

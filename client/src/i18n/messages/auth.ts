// Logging in and out, and choosing a new password after forgetting it.
const nl = {
  login: {
    title: "Aanmelden",
    intro: "Meld je aan bij de kennisbank van je themawerking.",
    email: "E-mailadres",
    password: "Wachtwoord",
    forgotPassword: "Wachtwoord vergeten?",
    submit: "Aanmelden",
    submitting: "Bezig met aanmelden…",
    invalidCredentials: "Het e-mailadres of het wachtwoord klopt niet.",
    noAccount: "Nog geen account? Je krijgt toegang via een uitnodigingslink van een facilitator.",
  },
  forgot: {
    title: "Wachtwoord vergeten",
    intro:
      "Vul het e-mailadres van je account in. Je krijgt een e-mail met een link om een nieuw wachtwoord te kiezen.",
    email: "E-mailadres",
    submit: "Stuur me een link",
    submitting: "Bezig met versturen…",
    sent: "Als er een account met dit adres bestaat, krijg je binnen enkele minuten een e-mail met een link om een nieuw wachtwoord te kiezen. De link is een uur geldig.",
    mailOff:
      "Deze server verstuurt geen e-mail, dus een link per mail kan hij niet sturen. Vraag een beheerder van deze server om een herstellink te maken met:",
    addressPlaceholder: "<e-mailadres>",
    rateLimitedSeconds_one:
      "Je hebt al te vaak een link gevraagd. Probeer het over {{count}} seconde opnieuw.",
    rateLimitedSeconds_other:
      "Je hebt al te vaak een link gevraagd. Probeer het over {{count}} seconden opnieuw.",
    rateLimitedMinutes_one:
      "Je hebt al te vaak een link gevraagd. Probeer het over {{count}} minuut opnieuw.",
    rateLimitedMinutes_other:
      "Je hebt al te vaak een link gevraagd. Probeer het over {{count}} minuten opnieuw.",
    backToLogin: "Terug naar aanmelden",
  },
  reset: {
    title: "Nieuw wachtwoord kiezen",
    intro: "Kies een nieuw wachtwoord voor je account.",
    newPassword: "Nieuw wachtwoord",
    newHint: "Minstens {{min}} tekens.",
    confirmPassword: "Herhaal het nieuwe wachtwoord",
    mismatch: "De twee wachtwoorden verschillen.",
    submit: "Wachtwoord opslaan",
    submitting: "Bezig met opslaan…",
    doneTitle: "Wachtwoord gewijzigd",
    done: "Je wachtwoord is gewijzigd. Je bent overal afgemeld; log in met je nieuwe wachtwoord.",
    toLogin: "Naar aanmelden",
    invalidTitle: "Link niet meer geldig",
    invalid: "Deze link is niet meer geldig: hij is al gebruikt of ouder dan een uur.",
    requestNew: "Vraag een nieuwe link aan",
  },
};

const en: typeof nl = {
  login: {
    title: "Log in",
    intro: "Log in to your working group's knowledge base.",
    email: "Email address",
    password: "Password",
    forgotPassword: "Forgot your password?",
    submit: "Log in",
    submitting: "Logging in…",
    invalidCredentials: "The email address or the password is wrong.",
    noAccount: "No account yet? You get access through an invitation link from a facilitator.",
  },
  forgot: {
    title: "Forgot your password",
    intro: "Enter your account's email address. You will get an email with a link to choose a new password.",
    email: "Email address",
    submit: "Send me a link",
    submitting: "Sending…",
    sent: "If there is an account with this address, you will get an email within a few minutes with a link to choose a new password. The link is valid for one hour.",
    mailOff:
      "This server sends no email, so it cannot send you a link. Ask an administrator of this server to make a reset link with:",
    addressPlaceholder: "<email-address>",
    rateLimitedSeconds_one: "You have asked for a link too often. Try again in {{count}} second.",
    rateLimitedSeconds_other: "You have asked for a link too often. Try again in {{count}} seconds.",
    rateLimitedMinutes_one: "You have asked for a link too often. Try again in {{count}} minute.",
    rateLimitedMinutes_other: "You have asked for a link too often. Try again in {{count}} minutes.",
    backToLogin: "Back to log in",
  },
  reset: {
    title: "Choose a new password",
    intro: "Choose a new password for your account.",
    newPassword: "New password",
    newHint: "At least {{min}} characters.",
    confirmPassword: "Repeat the new password",
    mismatch: "The two passwords differ.",
    submit: "Save password",
    submitting: "Saving…",
    doneTitle: "Password changed",
    done: "Your password has been changed. You have been logged out everywhere; log in with your new password.",
    toLogin: "Go to log in",
    invalidTitle: "Link no longer valid",
    invalid: "This link is no longer valid: it has been used already or is older than one hour.",
    requestNew: "Ask for a new link",
  },
};

export default { nl, en };

// Logging in and out.
const nl = {
  login: {
    title: "Aanmelden",
    intro: "Meld je aan bij de kennisbank van je themawerking.",
    email: "E-mailadres",
    password: "Wachtwoord",
    submit: "Aanmelden",
    submitting: "Bezig met aanmelden…",
    invalidCredentials: "Het e-mailadres of het wachtwoord klopt niet.",
    noAccount: "Nog geen account? Je krijgt toegang via een uitnodigingslink van een facilitator.",
  },
};

const en: typeof nl = {
  login: {
    title: "Log in",
    intro: "Log in to your working group's knowledge base.",
    email: "Email address",
    password: "Password",
    submit: "Log in",
    submitting: "Logging in…",
    invalidCredentials: "The email address or the password is wrong.",
    noAccount: "No account yet? You get access through an invitation link from a facilitator.",
  },
};

export default { nl, en };

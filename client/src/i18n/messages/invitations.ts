// Accepting an invitation to a workspace.
const nl = {
  title: "Uitnodiging",
  invitedTo: "Je bent uitgenodigd voor",
  asRole: "Jouw rol: {{role}}",
  validUntil: "Deze link is geldig tot {{date}}.",
  newAccount: {
    title: "Maak je account",
    name: "Naam",
    email: "E-mailadres",
    password: "Wachtwoord",
    passwordHint: "Minstens {{min}} tekens.",
    submit: "Account maken en deelnemen",
    submitting: "Bezig met aanmaken…",
    haveAccount: "Heb je al een account?",
    loginFirst: "Meld je eerst aan",
    emailTaken:
      "Er bestaat al een account met dit e-mailadres. Meld je eerst aan en open de link daarna opnieuw.",
  },
  existing: {
    loggedInAs: "Je bent aangemeld als {{name}} ({{email}}).",
    join: "Deelnemen",
    joining: "Bezig met deelnemen…",
    notYou: "Ben jij dit niet?",
    logout: "Afmelden",
    alreadyMember: "Je bent al lid van deze werkruimte.",
    openWorkspace: "Open de werkruimte",
  },
  notFound: {
    title: "Uitnodiging niet gevonden",
    body: "Deze link is onvolledig of bestaat niet. Controleer de link of vraag de facilitator om een nieuwe.",
  },
  gone: {
    title: "Deze uitnodiging is niet meer geldig",
    body: "Ze werd al gebruikt, is verlopen of werd ingetrokken. Vraag de facilitator om een nieuwe link.",
  },
  toLogin: "Naar aanmelden",
};

const en: typeof nl = {
  title: "Invitation",
  invitedTo: "You are invited to",
  asRole: "Your role: {{role}}",
  validUntil: "This link is valid until {{date}}.",
  newAccount: {
    title: "Create your account",
    name: "Name",
    email: "Email address",
    password: "Password",
    passwordHint: "At least {{min}} characters.",
    submit: "Create account and join",
    submitting: "Creating account…",
    haveAccount: "Already have an account?",
    loginFirst: "Log in first",
    emailTaken: "An account with this email address exists already. Log in first, then open the link again.",
  },
  existing: {
    loggedInAs: "You are logged in as {{name}} ({{email}}).",
    join: "Join",
    joining: "Joining…",
    notYou: "Not you?",
    logout: "Log out",
    alreadyMember: "You are already a member of this workspace.",
    openWorkspace: "Open the workspace",
  },
  notFound: {
    title: "Invitation not found",
    body: "This link is incomplete or does not exist. Check the link or ask the facilitator for a new one.",
  },
  gone: {
    title: "This invitation is no longer valid",
    body: "It has been used, has expired or was revoked. Ask the facilitator for a new link.",
  },
  toLogin: "To login",
};

export default { nl, en };

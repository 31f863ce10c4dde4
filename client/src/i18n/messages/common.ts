// Strings used across features: the product, actions, roles, languages, validation and API errors.
const nl = {
  appName: "Themawerk",
  tagline: "Kennisbank van wat werkt, wat niet en valkuilen",
  actions: {
    save: "Opslaan",
    saving: "Bezig met opslaan…",
    saved: "Opgeslagen",
    cancel: "Annuleren",
    close: "Sluiten",
    retry: "Opnieuw proberen",
    loading: "Bezig met laden…",
  },
  roles: {
    facilitator: "Facilitator",
    editor: "Redacteur",
    commenter: "Expert",
    viewer: "Lezer",
  },
  roleHints: {
    facilitator: "Beheert de werkruimte, nodigt leden uit en valideert lessen",
    editor: "Schrijft en bewerkt documenten",
    commenter: "Leest en geeft commentaar",
    viewer: "Leest en zoekt",
  },
  languages: { nl: "Nederlands", en: "English" },
  language: "Taal",
  validation: {
    required: "Vul dit veld in.",
    tooShort: "Gebruik minstens {{min}} tekens.",
    tooLong: "Gebruik hoogstens {{max}} tekens.",
    email: "Geef een geldig e-mailadres.",
    invalid: "Deze waarde is niet geldig.",
  },
  errors: {
    network: "De server is niet bereikbaar. Controleer je verbinding en probeer opnieuw.",
    server: "Er ging iets mis op de server. Probeer het later opnieuw.",
    forbidden: "Je hebt geen toestemming om dit te doen.",
    notFound: "Dit bestaat niet (meer).",
    conflict: "Dit botst met een andere wijziging.",
    sessionExpired: "Je sessie is verlopen. Meld je opnieuw aan.",
    rateLimited_one: "Te veel pogingen. Probeer het over {{count}} seconde opnieuw.",
    rateLimited_other: "Te veel pogingen. Probeer het over {{count}} seconden opnieuw.",
    generic: "Dat lukte niet. Probeer het opnieuw.",
  },
  notFound: {
    title: "Pagina niet gevonden",
    body: "Deze pagina bestaat niet, of je hebt er geen toegang toe.",
    home: "Naar mijn werkruimtes",
  },
  crashed: {
    title: "Er ging iets mis",
    body: "Deze pagina kon niet getoond worden. Herlaad de pagina of ga terug naar je werkruimtes.",
  },
};

const en: typeof nl = {
  appName: "Themawerk",
  tagline: "Knowledge base for do's, don'ts and pitfalls",
  actions: {
    save: "Save",
    saving: "Saving…",
    saved: "Saved",
    cancel: "Cancel",
    close: "Close",
    retry: "Try again",
    loading: "Loading…",
  },
  roles: {
    facilitator: "Facilitator",
    editor: "Editor",
    commenter: "Commenter",
    viewer: "Viewer",
  },
  roleHints: {
    facilitator: "Manages the workspace, invites members and validates lessons",
    editor: "Writes and edits documents",
    commenter: "Reads and comments",
    viewer: "Reads and searches",
  },
  languages: { nl: "Nederlands", en: "English" },
  language: "Language",
  validation: {
    required: "Fill in this field.",
    tooShort: "Use at least {{min}} characters.",
    tooLong: "Use at most {{max}} characters.",
    email: "Enter a valid email address.",
    invalid: "This value is not valid.",
  },
  errors: {
    network: "The server cannot be reached. Check your connection and try again.",
    server: "Something went wrong on the server. Please try again later.",
    forbidden: "You are not allowed to do this.",
    notFound: "This does not exist (any more).",
    conflict: "This conflicts with another change.",
    sessionExpired: "Your session has expired. Please log in again.",
    rateLimited_one: "Too many attempts. Try again in {{count}} second.",
    rateLimited_other: "Too many attempts. Try again in {{count}} seconds.",
    generic: "That did not work. Please try again.",
  },
  notFound: {
    title: "Page not found",
    body: "This page does not exist, or you do not have access to it.",
    home: "To my workspaces",
  },
  crashed: {
    title: "Something went wrong",
    body: "This page could not be shown. Reload the page or go back to your workspaces.",
  },
};

export default { nl, en };

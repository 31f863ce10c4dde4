// The live editor: toolbar, links, presence and connection state.
const nl = {
  label: "Documenttekst",
  placeholder: "Begin hier te schrijven…",
  toolbar: {
    label: "Opmaak",
    undo: "Ongedaan maken",
    redo: "Opnieuw",
    paragraph: "Alinea",
    h1: "H1, kop 1",
    h2: "H2, kop 2",
    h3: "H3, kop 3",
    bold: "Vet",
    italic: "Cursief",
    underline: "Onderstreept",
    bulletList: "Opsomming",
    numberedList: "1. Genummerde lijst",
    quote: "Citaat",
    link: "Link",
    removeLink: "Link verwijderen",
  },
  link: {
    title: "Link invoegen",
    urlLabel: "Adres (URL)",
    urlHint: "Begint met https://, http:// of mailto:",
    invalid: "Alleen http-, https- en mailto-adressen zijn toegestaan.",
    apply: "Link toevoegen",
  },
  connection: {
    connected: "Verbonden",
    connecting: "Verbinden…",
    offline: "Offline",
    unsaved: "Niet opgeslagen",
    limited: "Even geduld",
    tooLarge: "Document te groot",
    refused: "Wijziging geweigerd",
  },
  connectionProblem: {
    unsaved:
      "De server kan je wijzigingen nu niet opslaan. Ze blijven in dit venster en worden verzonden zodra het weer lukt; sluit het venster niet.",
    limited: "Te veel berichten of verbindingen tegelijk. We proberen het zo opnieuw.",
    tooLarge:
      "Dit document heeft de maximale grootte bereikt; je laatste wijziging is niet bewaard. Verwijderen kan nog. Herlaad de pagina en maak het document kleiner, bijvoorbeeld door het te splitsen.",
    refused:
      "De server weigerde een wijziging die hij niet kon lezen. Herlaad de pagina om verder te werken.",
  },
  unsaved: {
    count_one: "{{count}} wijziging nog niet op de server",
    count_other: "{{count}} wijzigingen nog niet op de server",
  },
  offlineBanner: {
    kept: "Geen verbinding met de server. Wat je schrijft blijft op dit apparaat bewaard, ook als je de pagina sluit, en gaat naar de server zodra er weer verbinding is.",
    notKept:
      "Geen verbinding met de server, en deze browser kan niets bewaren. Sluit dit venster niet: je wijzigingen staan alleen hier tot de verbinding terug is.",
  },
  refused: {
    title: "Je offline wijzigingen zijn niet aanvaard",
    explanation:
      "Terwijl je offline was, kreeg je voor dit document alleen nog leesrechten. De server heeft je wijzigingen daarom niet overgenomen. Kopieer je tekst als je hem wilt bewaren, en toon daarna de versie van de server.",
    copy: "Kopieer mijn tekst",
    discard: "Toon de versie van de server",
    copied: "Je tekst staat op het klembord.",
    copyFailed: "Kopiëren lukte niet; selecteer de tekst hieronder.",
    show: "Toon mijn tekst",
    textLabel: "Je tekst zoals jij hem had",
  },
  presence: {
    label: "Wie is hier",
    you: "{{name}} (jij)",
  },
  readOnly: "Alleen lezen",
  unknownNode: {
    label: "Onbekend blok",
    labelWithType: "Onbekend blok: {{type}}",
    explanation:
      "Dit blok is van een soort die Themawerk niet kent. Wat erin staat blijft bewaard en de tekst kun je gewoon bewerken; het blok zelf kun je verwijderen.",
  },
};

const en: typeof nl = {
  label: "Document text",
  placeholder: "Start writing here…",
  toolbar: {
    label: "Formatting",
    undo: "Undo",
    redo: "Redo",
    paragraph: "Paragraph",
    h1: "H1, heading 1",
    h2: "H2, heading 2",
    h3: "H3, heading 3",
    bold: "Bold",
    italic: "Italic",
    underline: "Underline",
    bulletList: "Bulleted list",
    numberedList: "1. Numbered list",
    quote: "Quote",
    link: "Link",
    removeLink: "Remove link",
  },
  link: {
    title: "Insert link",
    urlLabel: "Address (URL)",
    urlHint: "Starts with https://, http:// or mailto:",
    invalid: "Only http, https and mailto addresses are allowed.",
    apply: "Add link",
  },
  connection: {
    connected: "Connected",
    connecting: "Connecting…",
    offline: "Offline",
    unsaved: "Not saved",
    limited: "Please wait",
    tooLarge: "Document too large",
    refused: "Change refused",
  },
  connectionProblem: {
    unsaved:
      "The server cannot store your changes right now. They stay in this window and are sent as soon as it can; do not close the window.",
    limited: "Too many messages or connections at once. We will try again shortly.",
    tooLarge:
      "This document has reached its maximum size; your last change was not saved. Deleting still works. Reload the page and make the document smaller, for instance by splitting it.",
    refused: "The server refused a change it could not read. Reload the page to continue.",
  },
  unsaved: {
    count_one: "{{count}} change not yet on the server",
    count_other: "{{count}} changes not yet on the server",
  },
  offlineBanner: {
    kept: "No connection to the server. What you write is kept on this device, also if you close the page, and goes to the server as soon as the connection is back.",
    notKept:
      "No connection to the server, and this browser cannot keep anything. Do not close this window: your changes exist only here until the connection is back.",
  },
  refused: {
    title: "Your offline changes were not accepted",
    explanation:
      "While you were offline, your access to this document became read-only, so the server did not take your changes. Copy your text if you want to keep it, then show the server's version.",
    copy: "Copy my text",
    discard: "Show the server's version",
    copied: "Your text is on the clipboard.",
    copyFailed: "Copying did not work; select the text below.",
    show: "Show my text",
    textLabel: "Your text as you had it",
  },
  presence: {
    label: "Who is here",
    you: "{{name}} (you)",
  },
  readOnly: "Read only",
  unknownNode: {
    label: "Unknown block",
    labelWithType: "Unknown block: {{type}}",
    explanation:
      "This block is of a kind Themawerk does not know. What it holds is kept and its text can be edited as usual; you can delete the block itself.",
  },
};

export default { nl, en };

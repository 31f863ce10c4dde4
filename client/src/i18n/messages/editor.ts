// The live editor: toolbar, links, presence and connection state.
const nl = {
  label: "Documenttekst",
  placeholder: "Begin hier te schrijven…",
  toolbar: {
    label: "Opmaak",
    undo: "Ongedaan maken",
    redo: "Opnieuw",
    paragraph: "Alinea",
    h1: "Kop 1",
    h2: "Kop 2",
    h3: "Kop 3",
    bold: "Vet",
    italic: "Cursief",
    underline: "Onderstreept",
    bulletList: "Opsomming",
    numberedList: "Genummerde lijst",
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
    offline: "Offline — je wijzigingen worden gesynchroniseerd zodra je weer verbonden bent",
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
    refused: "De server weigerde een wijziging die hij niet kon lezen. Herlaad de pagina om verder te werken.",
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
    h1: "Heading 1",
    h2: "Heading 2",
    h3: "Heading 3",
    bold: "Bold",
    italic: "Italic",
    underline: "Underline",
    bulletList: "Bulleted list",
    numberedList: "Numbered list",
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
    offline: "Offline — your changes will sync as soon as you are connected again",
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

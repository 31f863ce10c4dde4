import type { DocumentEntry, LessonEntry, SearchEntry } from "../../server/search/search-index";

/** Two workspaces about the founding case; B reuses A's words so a leak across workspaces would show. */
export const WS_A = "wsaaaaaaaaaaaaaa";
export const WS_B = "wsbbbbbbbbbbbbbb";

export const THEMES = {
  personeel: { id: "thpersoneel00001", name: "Personeel" },
  samenwerking: { id: "thsamenwerking01", name: "Samenwerking" },
  bestuur: { id: "thbestuur0000001", name: "Bestuur" },
  personeelB: { id: "thpersoneelb0001", name: "Personeel" },
};

const lokeren = { caseName: "Lokeren", isCentreCity: false, outcome: "struggled" } as const;
const sintNiklaas = { caseName: "Sint-Niklaas", isCentreCity: true, outcome: "succeeded" } as const;

const doc = (d: Omit<DocumentEntry, "type" | "documentId">): DocumentEntry => ({
  ...d,
  type: "document",
  documentId: d.id,
});
const lesson = (l: Omit<LessonEntry, "type">): LessonEntry => ({ ...l, type: "lesson" });

export const dA1 = doc({
  id: "da1caselokeren01",
  workspaceId: WS_A,
  title: "Dienstenwijzer in kleine gemeenten",
  text: "Hoe de gemeenten Lokeren en Zele de digitale gids uitrolden, met steun van de werkwinkel.",
  documentKind: "case",
  ...lokeren,
});
export const dA2 = doc({
  id: "da2casesintniklaas",
  workspaceId: WS_A,
  title: "Klaverbladmodel in Sint-Niklaas",
  text: "Het masterplan verbond de centrumsteden met de omliggende gemeenten.",
  documentKind: "case",
  ...sintNiklaas,
});
export const dA3 = doc({
  id: "da3meetingmaart01",
  workspaceId: WS_A,
  title: "Verslag werkgroep maart",
  text: "We bespraken de dienstenwijzer en ideeën over coöperatie tussen gemeenten.",
  documentKind: "meeting",
});
export const dA4 = doc({
  id: "da4noteveiligheid",
  workspaceId: WS_A,
  title: "Notitie over veiligheid",
  text: `<script>alert("x")</script> Kort besproken in de werkgroep.`,
  documentKind: "note",
});

export const lA1 = lesson({
  id: "la1pitfallpersoneel",
  workspaceId: WS_A,
  documentId: dA1.id,
  documentTitle: dA1.title,
  text: "Kleine gemeenten missen personeel om de dienstenwijzer actueel te houden.",
  lessonKind: "pitfall",
  themes: [THEMES.personeel],
  status: "validated",
  documentKind: "case",
  ...lokeren,
});
export const lA2 = lesson({
  id: "la2doewerkwinkel",
  workspaceId: WS_A,
  documentId: dA1.id,
  documentTitle: dA1.title,
  text: "Betrek de werkwinkel vanaf de start bij het masterplan.",
  lessonKind: "do",
  themes: [THEMES.samenwerking],
  status: "candidate",
  documentKind: "case",
  ...lokeren,
});
export const lA3 = lesson({
  id: "la3successklaver",
  workspaceId: WS_A,
  documentId: dA2.id,
  documentTitle: dA2.title,
  text: "Het klaverbladmodel werkt dankzij coöperatie tussen centrumsteden en randgemeenten.",
  lessonKind: "success_factor",
  themes: [THEMES.samenwerking, THEMES.bestuur],
  status: "in_handbook",
  documentKind: "case",
  ...sintNiklaas,
});
export const lA4 = lesson({
  id: "la4bottleneckidee",
  workspaceId: WS_A,
  documentId: dA2.id,
  documentTitle: dA2.title,
  text: "Te weinig ideeën uit de buurt kwamen in het masterplan terecht.",
  lessonKind: "bottleneck",
  themes: [THEMES.bestuur, THEMES.personeel],
  status: "validated",
  documentKind: "case",
  ...sintNiklaas,
});
export const lA5 = lesson({
  id: "la5dontlanceer",
  workspaceId: WS_A,
  documentId: dA3.id,
  documentTitle: dA3.title,
  text: "Lanceer geen dienstenwijzer zonder test met bewoners & partners <b>vooraf</b>.",
  lessonKind: "dont",
  themes: [THEMES.personeel],
  status: "candidate",
  documentKind: "meeting",
});

export const dB1 = doc({
  id: "db1casegent00001",
  workspaceId: WS_B,
  title: "Dienstenwijzer in de centrumsteden",
  text: "Gent bouwde een eigen dienstenwijzer met de werkwinkel en een masterplan.",
  documentKind: "case",
  caseName: "Gent",
  isCentreCity: true,
  outcome: "ongoing",
});
export const lB1 = lesson({
  id: "lb1pitfallgent01",
  workspaceId: WS_B,
  documentId: dB1.id,
  documentTitle: dB1.title,
  text: "De dienstenwijzer faalde in kleine gemeenten zonder personeel; ideeën over coöperatie ontbraken.",
  lessonKind: "pitfall",
  themes: [THEMES.personeelB],
  status: "validated",
  documentKind: "case",
  caseName: "Gent",
  isCentreCity: true,
  outcome: "ongoing",
});

export const WORKSPACE_A: SearchEntry[] = [dA1, dA2, dA3, dA4, lA1, lA2, lA3, lA4, lA5];
export const WORKSPACE_B: SearchEntry[] = [dB1, lB1];
export const ALL_ENTRIES: SearchEntry[] = [...WORKSPACE_A, ...WORKSPACE_B];

/** A third workspace for Dutch word forms: compounds, singular and plural. */
export const WS_C = "wscccccccccccccc";
export const dC1 = doc({
  id: "dc1socialeeconomie",
  workspaceId: WS_C,
  title: "Notitie één",
  text: "De sociale economie groeit in de provincie.",
  documentKind: "note",
});
export const dC2 = doc({
  id: "dc2dienstenloket01",
  workspaceId: WS_C,
  title: "Notitie twee",
  text: "Ontwikkeling van de lokale diensteneconomie met een dienstenloket.",
  documentKind: "note",
});
const formsLesson = (id: string, lessonKind: LessonEntry["lessonKind"], text: string) =>
  lesson({
    id,
    workspaceId: WS_C,
    documentId: dC1.id,
    documentTitle: dC1.title,
    text,
    lessonKind,
    themes: [],
    status: "candidate",
    documentKind: "note",
  });
export const lC1 = formsLesson(
  "lc1regisseur00001",
  "pitfall",
  "Geen vaste regisseur aanstellen voor de regierol.",
);
export const lC2 = formsLesson("lc2gemeenten00001", "do", "Kleine gemeenten delen personeel.");
export const lC3 = formsLesson("lc3gemeente000001", "do", "Elke gemeente kiest een trekker.");
export const lC4 = formsLesson("lc4valkuilen00001", "pitfall", "Valkuilen bij de opstart benoemen.");
export const lC5 = formsLesson("lc5valkuil0000001", "pitfall", "Een valkuil is de planning.");
export const lC6 = formsLesson(
  "lc6initiatieven01",
  "success_factor",
  "Nieuwe initiatieven van burgers steunen.",
);
export const lC7 = formsLesson("lc7initiatief0001", "success_factor", "Een initiatief van de stad.");
/** Starts like "economie" once its stem "economi" is cut: must not be found by it. */
export const lC8 = formsLesson(
  "lc8economisch0001",
  "do",
  "Bewaak het economisch evenwicht van de begroting.",
);
export const WORKSPACE_C: SearchEntry[] = [dC1, dC2, lC1, lC2, lC3, lC4, lC5, lC6, lC7, lC8];

/** A workspace with synonyms ("LDE" ↔ "lokale diensteneconomie"), as SQL hands them to the engines. */
export const WS_D = "wsdddddddddddddd";
const ldeSynonyms = "LDE · lokale diensteneconomie";
export const dD1 = doc({
  id: "dd1ldeoverleg0001",
  workspaceId: WS_D,
  title: "Verslag één",
  text: "Het LDE-overleg startte in maart.",
  documentKind: "note",
  synonyms: ldeSynonyms,
});
export const dD2 = doc({
  id: "dd2diensteneco001",
  workspaceId: WS_D,
  title: "Verslag twee",
  text: "De lokale diensteneconomie groeit.",
  documentKind: "note",
  synonyms: ldeSynonyms,
});
export const dD3 = doc({
  id: "dd3lokalemarkt001",
  workspaceId: WS_D,
  title: "Verslag drie",
  text: "Een lokale markt zonder aanbod.",
  documentKind: "note",
});
export const WORKSPACE_D: SearchEntry[] = [dD1, dD2, dD3];

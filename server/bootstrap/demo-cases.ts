import { $createHeadingNode, $createQuoteNode } from "@lexical/rich-text";
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalNode } from "lexical";
import { $createLessonNode } from "../../shared/editor";
import type { LessonKind } from "../../shared/lessons";
import type { Db } from "../db/database";
import { encodeDocumentUpdate } from "../documents/initial-state";
import { extractDocumentText } from "../documents/text-extraction";
import { newId, nowIso } from "../ids";
import { extractLessons } from "../lessons/extract-lessons";
import { syncDocumentLessons } from "../modules/lessons/lessons.sync";
import type { DemoContext } from "./demo-seeders";
import { type FoundingThemeKey, seedFoundingThemes } from "./demo-themes";

type Block = string | { h: string } | { lesson: LessonKind; themes: FoundingThemeKey[]; text: string };

const disclaimer =
  "Illustratief voorbeeld: verzonnen inhoud om Themawerk te tonen, geen feiten over een bestaande gemeente.";

interface DemoDocument {
  title: string;
  kind: "case" | "problem";
  municipality?: string;
  isCentreCity?: boolean;
  outcome?: "succeeded" | "struggled";
  blocks: Block[];
}

const demoDocuments: DemoDocument[] = [
  {
    title: "Casus Voorbeeldstad (geslaagd)",
    kind: "case",
    municipality: "Voorbeeldstad",
    isCentreCity: true,
    outcome: "succeeded",
    blocks: [
      { h: "Aanpak" },
      "Voorbeeldstad bouwde in twee jaar een tweede pijler in de werkwinkel uit, met een vaste regisseur en een masterplan dat elk jaar wordt bijgesteld.",
      { lesson: "do", themes: ["masterplan", "partnership"], text: "Stel het masterplan samen op met promotoren, werkwinkel en OCMW aan één tafel." },
      { lesson: "success_factor", themes: ["access"], text: "Een dienstenwijzer die elke week wordt bijgewerkt door één vaste verantwoordelijke." },
      { lesson: "do", themes: ["recognition", "reporting"], text: "Leg vooraf vast hoe het advies over erkenning wordt gemotiveerd en gemeld aan de minister." },
      { h: "Wat we anders zouden doen" },
      { lesson: "pitfall", themes: ["development"], text: "Te veel nieuwe diensten tegelijk opstarten, zodat de begeleiding van kansengroepen tekortschiet." },
    ],
  },
  {
    title: "Casus Voorbeeldgemeente (moeizaam)",
    kind: "case",
    municipality: "Voorbeeldgemeente",
    isCentreCity: false,
    outcome: "struggled",
    blocks: [
      { h: "Aanpak" },
      "Voorbeeldgemeente startte zonder eigen middelen voor de regierol; de taak kwam bij een medewerker die ze naast zijn andere werk deed.",
      { lesson: "bottleneck", themes: ["smallTowns"], text: "Geen expertise of budget om de regierol op te starten in een kleine gemeente." },
      { lesson: "pitfall", themes: ["access", "smallTowns"], text: "De dienstenwijzer raakte verouderd omdat niemand hem bijhield." },
      { lesson: "dont", themes: ["masterplan"], text: "Een masterplan schrijven zonder de lokale promotoren te betrekken." },
      { h: "Wat hielp" },
      { lesson: "do", themes: ["partnership", "smallTowns"], text: "Samenwerken met buurgemeenten om één gedeelde regisseur aan te stellen." },
    ],
  },
  {
    title: "Probleemstelling: de regierol in kleinere gemeenten",
    kind: "problem",
    blocks: [
      { h: "Probleem" },
      "Centrumsteden worden gefinancierd om de regierol uit te bouwen; bij niet-centrumsteden ontbreken vaak expertise en middelen. Hoe ziet een haalbare minimale invulling eruit?",
      { lesson: "bottleneck", themes: ["smallTowns", "secondPillar"], text: "De tweede pijler van de werkwinkel is in kleine gemeenten niet ingebed in het lokale beleid." },
      { lesson: "do", themes: ["access"], text: "Begin met een minimale dienstenwijzer: het lokale aanbod op één plek, actueel gehouden." },
    ],
  },
];

function $blockNode(block: Block, themeIds: Record<FoundingThemeKey, string>): LexicalNode {
  if (typeof block === "string") return $createParagraphNode().append($createTextNode(block));
  if ("h" in block) return $createHeadingNode("h2").append($createTextNode(block.h));
  return $createLessonNode(
    block.lesson,
    block.themes.map((t) => themeIds[t]),
  ).append($createTextNode(block.text));
}

/**
 * Demo seeder: the founding themes, two illustrative cases (one that succeeded, one that struggled) and a
 * problem statement, each with lessons across several themes — so every screen has something on first start.
 */
export async function seedDemoCases(ctx: DemoContext): Promise<void> {
  const themeIds = await seedFoundingThemes(ctx.db, ctx.workspaceId);
  const author = ctx.users.editor;
  for (const doc of demoDocuments) {
    const update = encodeDocumentUpdate(() => {
      const root = $getRoot().clear();
      root.append($createQuoteNode().append($createTextNode(disclaimer)));
      for (const block of doc.blocks) root.append($blockNode(block, themeIds));
    });
    const extracted = extractDocumentText(update);
    const id = newId();
    const now = nowIso();
    await ctx.db
      .insertInto("documents")
      .values({
        id,
        workspace_id: ctx.workspaceId,
        kind: doc.kind,
        title: doc.title,
        municipality: doc.municipality ?? null,
        is_centre_city: doc.isCentreCity === undefined ? null : doc.isCentreCity ? 1 : 0,
        outcome: doc.outcome ?? null,
        meeting_date: null,
        meeting_place: null,
        plain_text: extracted.plainText,
        created_by: author,
        created_at: now,
        updated_by: author,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
    await ctx.db.insertInto("document_updates").values({ document_id: id, data: update, created_at: now }).execute();
    await syncDocumentLessons(ctx.db as Db, {
      workspaceId: ctx.workspaceId,
      documentId: id,
      blocks: extractLessons(extracted.lexicalJson),
      editorUserId: author,
    });
  }
}

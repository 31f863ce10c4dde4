import type { Db } from "../db/database";
import { insertTheme } from "../modules/themes/themes.repo";

/**
 * The themes a workspace from the founding case starts with: the engagements of the directing role
 * (partnership agreement, art. 25) plus the werkwinkel's second pillar, smaller towns and partnership.
 */
export const foundingThemes = {
  access: { name: "Lokaal aanbod ontsluiten (virtueel loket, dienstenwijzer)", description: "Het permanent ontsluiten van het lokale aanbod van diensten en werkgelegenheid." },
  development: { name: "Ontwikkeling van de lokale diensteneconomie", description: "Binnen de interbestuurlijke kaders, met ruimte voor eigen lokale beleidskeuzes." },
  masterplan: { name: "Afstemming en coördinatie via het masterplan", description: "Onbeantwoorde noden en maximale werkgelegenheid, ook voor kansengroepen." },
  recognition: { name: "Erkenning en advies over initiatieven (klaverbladmodel)", description: "Lokale erkenning of advies over erkenning bij financiering volgens het klaverbladmodel." },
  reporting: { name: "Beslissingen meedelen aan de minister", description: "Lokale erkenning en subsidiëring melden; afwijkingen van het Forum-advies motiveren." },
  secondPillar: { name: "Tweede pijler van de werkwinkel", description: "De diensteneconomie als tweede pijler, ingebed in federaal, Vlaams en lokaal beleid." },
  smallTowns: { name: "Expertise en middelen van kleinere gemeenten", description: "Niet-centrumsteden missen vaak expertise en middelen om te starten." },
  partnership: { name: "Partnerschap", description: "Samenwerking tussen lokale besturen, promotoren, werkwinkel, VVSG en sociale partners." },
} as const;

export type FoundingThemeKey = keyof typeof foundingThemes;

/** Creates the founding themes in a workspace and returns their ids by key. */
export async function seedFoundingThemes(db: Db, workspaceId: string): Promise<Record<FoundingThemeKey, string>> {
  const ids = {} as Record<FoundingThemeKey, string>;
  for (const [key, theme] of Object.entries(foundingThemes) as Array<[FoundingThemeKey, { name: string; description: string }]>) {
    ids[key] = await insertTheme(db, workspaceId, theme);
  }
  return ids;
}

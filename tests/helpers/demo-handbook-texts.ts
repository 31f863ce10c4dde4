/**
 * Texts of the demo workspace (server/bootstrap/demo-*.ts) that the handbook tests look for: its theme names, lesson texts and how
 * its cases are cited in the exports.
 */
export const themeNames = {
  access: "Lokaal aanbod ontsluiten (virtueel loket, dienstenwijzer)",
  masterplan: "Afstemming en coördinatie via het masterplan",
  smallTowns: "Expertise en middelen van kleinere gemeenten",
  recognition: "Erkenning en advies over initiatieven (klaverbladmodel)",
};
export const texts = {
  weeklyGuide: "Een dienstenwijzer die elke week wordt bijgewerkt door één vaste verantwoordelijke.",
  outdatedGuide: "De dienstenwijzer raakte verouderd omdat niemand hem bijhield.",
  minimalGuide: "Begin met een minimale dienstenwijzer: het lokale aanbod op één plek, actueel gehouden.",
  masterplanTable: "Stel het masterplan samen op met promotoren, werkwinkel en OCMW aan één tafel.",
  masterplanAlone: "Een masterplan schrijven zonder de lokale promotoren te betrekken.",
  neighbours: "Samenwerken met buurgemeenten om één gedeelde regisseur aan te stellen.",
  noBudget: "Geen expertise of budget om de regierol op te starten in een kleine gemeente.",
  secondPillar:
    "De tweede pijler van de werkwinkel is in kleine gemeenten niet ingebed in het lokale beleid.",
  recognitionAdvice:
    "Leg vooraf vast hoe het advies over erkenning wordt gemotiveerd en gemeld aan de minister.",
};
export const struggledCase = "Voorbeeldgemeente — Casus Voorbeeldgemeente (moeizaam)";
export const succeededCase = "Voorbeeldstad — Casus Voorbeeldstad (geslaagd)";
export const problemCitation = "Probleemstelling: de regierol in kleinere gemeenten";

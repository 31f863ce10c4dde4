/** Cursor and presence colours, dark enough for white name labels (WCAG AA on white text). */
const palette = ["#b3261e", "#1b5e20", "#0d47a1", "#6a1b9a", "#e65100", "#004d40", "#880e4f", "#37474f"];

/** A stable colour per user, so everyone sees the same person in the same colour (the server stamps it on presence). */
export function userColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length];
}

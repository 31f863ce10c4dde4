/** URL schemes a link in a document may use; everything else (javascript:, data: …) is refused. */
export const allowedLinkProtocols = ["http:", "https:", "mailto:"] as const;

/**
 * Returns the URL, normalised, when it is absolute and uses http, https or mailto; otherwise
 * undefined. Used by the link toolbar, by paste and by the server's text conversion.
 */
export function sanitizeLinkUrl(input: string): string | undefined {
  const trimmed = input.trim();
  if (trimmed === "" || trimmed.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!(allowedLinkProtocols as readonly string[]).includes(url.protocol)) return undefined;
  if (url.protocol !== "mailto:" && url.hostname === "") return undefined;
  return url.href;
}

/** True when sanitizeLinkUrl accepts the URL. */
export const isSafeLinkUrl = (input: string): boolean => sanitizeLinkUrl(input) !== undefined;

/** Only same-site paths are followed after login, never another origin ("//evil", "/\\evil", "https:…"). */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

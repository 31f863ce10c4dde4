// Placeholder until the documents feature lands: the workspace's documents by kind.
export function DocumentList(_props: { workspaceId: string }) {
  return null;
}

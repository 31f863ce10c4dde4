// Placeholder until the documents feature lands: the page that opens one document in the editor.
export function DocumentPage() {
  return <p>…</p>;
}

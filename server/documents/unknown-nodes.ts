import { createHash } from "node:crypto";
import * as Y from "yjs";
import { registeredNodeTypes, type SharedTypeKind, sharedTypeKindOf } from "./node-types";

/** Why @lexical/yjs cannot read a node as stored. */
export type UnknownNodeReason =
  /** Its `__type` names a node no editor here registers ("Node X is not registered"). */
  | "unregistered"
  /** It has no `__type`, or not a string ("Expected shared type to include type attribute"). */
  | "no-type"
  /** A registered type in the wrong shared type (an element stored as a Y.Map …), or a nested "root". */
  | "wrong-kind"
  /** An embed that is no node at all (a plain object, a Y.Array, a Y.Text …). */
  | "not-a-node"
  /** A table part out of place or holding what it may not (text straight in a table or row, a row outside a table …). */
  | "misplaced";

/** The placeholder node type that replaces an unknown node (shared/editor/unknown-*-node.ts). */
export type PlaceholderType = "unknown-element" | "unknown-text" | "unknown-decorator";

export interface UnknownNode {
  reason: UnknownNodeReason;
  /** Its `__type` as stored when that was a string (cut to 100 characters), else "". */
  originalType: string;
  /** For logs: "table", "paragraph (as Y.Map)", "(no type)", "(not a node: Y.Array)" … */
  label: string;
  placeholder: PlaceholderType;
  /** Inline when it sits inside another element; a block directly under the root or in a slot. */
  inline: boolean;
  /** The node's shared type; null when it is not a node and must be swapped for a new one. */
  shared: Y.XmlText | Y.Map<unknown> | Y.XmlElement | null;
  /** Where it sits in its parent element's content; undefined for a slot value. */
  at?: { parent: Y.XmlText; index: number };
}

/** The name @lexical/yjs gives the document's root (`doc.get("root", Y.XmlText)`). */
const ROOT_NAME = "root";
/** The attribute under which @lexical/yjs keeps an element's or decorator's named slots. */
const SLOTS_KEY = "__slots";
const MAX_TYPE_LENGTH = 100;

const placeholderFor: Record<SharedTypeKind, PlaceholderType> = {
  XmlText: "unknown-element",
  Map: "unknown-text",
  XmlElement: "unknown-decorator",
};

function sharedKindOf(value: unknown): SharedTypeKind | undefined {
  // XmlText is a Y.Text and XmlHook a Y.Map: the order of these checks matters.
  if (value instanceof Y.XmlText) return "XmlText";
  if (value instanceof Y.XmlElement) return "XmlElement";
  if (value instanceof Y.Map) return "Map";
  return undefined;
}

function typeOf(shared: Y.XmlText | Y.Map<unknown> | Y.XmlElement): unknown {
  return shared instanceof Y.Map ? shared.get("__type") : shared.getAttribute("__type");
}

function describe(value: unknown): string {
  if (value instanceof Y.AbstractType) return `Y.${value.constructor.name.replace(/^Y/, "")}`;
  if (value === null) return "null";
  return typeof value === "object" ? "object" : String(value).slice(0, MAX_TYPE_LENGTH);
}

/** What is wrong with one embed of an element's content, or undefined when Lexical can read it. */
function check(
  embed: unknown,
  at: UnknownNode["at"],
  inline: boolean,
  registered: ReadonlySet<string>,
): UnknownNode | undefined {
  const kind = sharedKindOf(embed);
  if (kind === undefined) {
    const type = (embed as { __type?: unknown } | null)?.__type;
    const originalType = typeof type === "string" ? type.slice(0, MAX_TYPE_LENGTH) : "";
    return {
      reason: "not-a-node",
      originalType,
      label: `(not a node: ${describe(embed)})`,
      placeholder: "unknown-decorator",
      inline,
      shared: null,
      at,
    };
  }
  const shared = embed as Y.XmlText | Y.Map<unknown> | Y.XmlElement;
  const type = typeOf(shared);
  const base = { placeholder: placeholderFor[kind], inline, shared, at };
  if (typeof type !== "string") {
    const label = type === undefined ? "(no type)" : `(type ${describe(type)})`;
    return { ...base, reason: "no-type", originalType: "", label };
  }
  const originalType = type.slice(0, MAX_TYPE_LENGTH);
  if (!registered.has(type)) return { ...base, reason: "unregistered", originalType, label: originalType };
  if (sharedTypeKindOf(type) !== kind) {
    return { ...base, reason: "wrong-kind", originalType, label: `${originalType} (as Y.${kind})` };
  }
  return undefined;
}

/**
 * Tables have a fixed shape — table › row › cell › blocks — that Lexical's readers repair each in their own way when
 * it is broken (one wraps stray text in a paragraph, another does not), so two editors would show different
 * documents. A table part that breaks the shape becomes a placeholder instead, the same for every reader.
 */
const tableParts: ReadonlyMap<string, { parent?: string; children: string | "blocks" }> = new Map([
  ["table", { children: "tablerow" }],
  ["tablerow", { parent: "table", children: "tablecell" }],
  ["tablecell", { parent: "tablerow", children: "blocks" }],
]);

function isTablePart(value: unknown): boolean {
  if (!(value instanceof Y.XmlText)) return false;
  const type = value.getAttribute("__type");
  return typeof type === "string" && tableParts.has(type);
}

function misplaced(
  shared: Y.XmlText,
  type: string,
  at: UnknownNode["at"],
  inline: boolean,
): UnknownNode | undefined {
  const part = tableParts.get(type);
  if (!part) return undefined;
  const found: UnknownNode = {
    reason: "misplaced",
    originalType: type,
    label: `${type} (misplaced)`,
    placeholder: "unknown-element",
    inline,
    shared,
    at,
  };
  if (part.parent !== undefined && (!at || typeOf(at.parent) !== part.parent)) return found;
  for (const op of shared.toDelta() as Array<{ insert?: unknown }>) {
    if (typeof op.insert === "string") return found;
    const child = op.insert;
    if (!(child instanceof Y.XmlText)) return found;
    const childType = child.getAttribute("__type");
    if (
      part.children === "blocks"
        ? childType === "tablerow" || childType === "tablecell"
        : childType !== part.children
    )
      return found;
  }
  return undefined;
}

/** The Y.Maps, Y.XmlTexts and Y.XmlElements in an element's or decorator's named slots, by name. */
function slotValues(host: Y.XmlText | Y.XmlElement): unknown[] {
  const slots: unknown = host.getAttribute(SLOTS_KEY);
  if (!(slots instanceof Y.Map)) return [];
  // Sorted: a Y.Map's iteration order can differ between replicas, the repair must not.
  return Array.from(slots.keys())
    .sort()
    .map((name) => slots.get(name))
    .filter((value) => sharedKindOf(value) !== undefined);
}

/**
 * Every node of the document that @lexical/yjs 0.52 cannot read (an unregistered or missing type,
 * the wrong shared-type kind, an embed that is no node), in document order. Reads only.
 */
export function findUnknownNodes(doc: Y.Doc): UnknownNode[] {
  const registered = registeredNodeTypes();
  const root = doc.get(ROOT_NAME, Y.XmlText);
  const found: UnknownNode[] = [];
  // Depth-first with a stack of its own: a hostile document may nest far deeper than the call stack.
  const stack: Visit[] = contentOf(root, root).reverse();
  while (stack.length > 0) {
    const { embed, at, inline } = stack.pop() as Visit;
    const unknown =
      check(embed, at, inline, registered) ??
      (embed instanceof Y.XmlText
        ? misplaced(embed, String(embed.getAttribute("__type")), at, inline)
        : undefined);
    if (unknown) found.push(unknown);
    if (embed instanceof Y.XmlText || embed instanceof Y.XmlElement) {
      const inside = embed instanceof Y.XmlText ? contentOf(embed, root) : [];
      for (const value of slotValues(embed)) inside.push({ embed: value, at: undefined, inline: false });
      for (let i = inside.length - 1; i >= 0; i--) stack.push(inside[i]);
    }
  }
  return found;
}

/** One embed to look at, with where it sits. */
interface Visit {
  embed: unknown;
  at: UnknownNode["at"];
  inline: boolean;
}

/** The embeds of an element's content (its text runs skipped), each with its offset there. */
function contentOf(parent: Y.XmlText, root: Y.XmlText): Visit[] {
  const visits: Visit[] = [];
  let index = 0;
  for (const op of parent.toDelta() as Array<{ insert?: unknown }>) {
    if (typeof op.insert === "string") {
      index += op.insert.length;
      continue;
    }
    visits.push({ embed: op.insert, at: { parent, index }, inline: parent !== root });
    index += 1;
  }
  return visits;
}

/** Turns one unknown node into its placeholder: a new `__type`, the old one kept as `__originalType`. */
function replace(node: UnknownNode): void {
  const { shared, placeholder, originalType, inline } = node;
  if (shared instanceof Y.Map) {
    shared.set("__type", placeholder);
    shared.set("__originalType", originalType);
    return;
  }
  let target = shared;
  if (target === null) {
    // No node at all: swapped for a new placeholder decorator at the same offset (same length, so
    // the offsets found for its siblings still hold).
    const { parent, index } = node.at as NonNullable<UnknownNode["at"]>;
    parent.delete(index, 1);
    target = new Y.XmlElement();
    parent.insertEmbed(index, target);
  }
  target.setAttribute("__type", placeholder);
  target.setAttribute("__originalType", originalType);
  // Yjs types attribute values as strings; @lexical/yjs stores any JSON value there.
  target.setAttribute("__inline", inline as unknown as string);
}

/**
 * Replaces every unknown node of `doc` by its placeholder in place, in one transaction, and returns
 * what it replaced (empty when the document was clean). For a document of one's own — a copy made
 * for reading; never the live room's document, which must not run ahead of its store.
 */
export function replaceUnknownNodes(doc: Y.Doc): UnknownNode[] {
  const found = findUnknownNodes(doc);
  if (found.length > 0) doc.transact(() => found.forEach(replace));
  return found;
}

/** The distinct labels of unknown nodes, sorted: what a log line names. */
export function unknownNodeLabels(nodes: readonly UnknownNode[]): string[] {
  return Array.from(new Set(nodes.map((n) => n.label))).sort();
}

/**
 * A client id for the repair of this exact state: two servers repairing the same state write the
 * same bytes (applying both changes nothing twice), and a different state gets a different id.
 */
function repairClientId(doc: Y.Doc, state: Uint8Array): number {
  let id = createHash("sha256").update(state).digest().readUInt32BE(0);
  while (doc.store.clients.has(id)) id = (id + 1) >>> 0;
  return id;
}

/**
 * The Yjs update that turns every unknown or malformed node of `doc` into a visible placeholder
 * (shared/editor/unknown-*-node.ts) keeping its children, text and attributes, with the original
 * type in `__originalType`; null when the document is clean. `doc` is not changed: the update is
 * made on a copy, in one transaction, and the caller stores and applies it like any trusted server
 * update (store first, then the room). Deterministic for a given state, and idempotent: once the
 * update is applied, a second call returns null. `types` are the labels of what was replaced.
 */
export function repairUnknownNodes(doc: Y.Doc): { update: Uint8Array; types: string[] } | null {
  if (findUnknownNodes(doc).length === 0) return null;
  const state = Y.encodeStateAsUpdate(doc);
  const copy = new Y.Doc({ gc: doc.gc });
  copy.clientID = repairClientId(doc, state);
  Y.applyUpdate(copy, state);
  const updates: Uint8Array[] = [];
  copy.on("update", (update: Uint8Array) => updates.push(update));
  const replaced = replaceUnknownNodes(copy);
  copy.destroy();
  // One transaction, so one update.
  return { update: updates[0], types: unknownNodeLabels(replaced) };
}

/** Any Yjs shared type, as far as these checks look at it: where its item sits. */
interface Placed {
  _item: Y.Item | null;
}

/** Whether `type` sits where @lexical/yjs reads it as a node: in an element's content, or a slot's value. */
function isNodePlacement(type: Placed): boolean {
  const item = type._item;
  if (!item) return false;
  if (item.parentSub === null) return item.parent instanceof Y.XmlText;
  const slots = item.parent;
  return (
    slots instanceof Y.Map &&
    slots._item?.parentSub === SLOTS_KEY &&
    (slots._item.parent instanceof Y.XmlText || slots._item.parent instanceof Y.XmlElement)
  );
}

/** Whether `type` is the document's root or lies below it, nothing on the way deleted. */
function underRoot(type: Placed, root: Y.XmlText): boolean {
  let current: Placed | null = type;
  while (current && current !== root) {
    const item: Y.Item | null = current._item;
    if (!item || item.deleted || !(item.parent instanceof Y.AbstractType)) return false;
    current = item.parent;
  }
  return current === root;
}

/**
 * Whether the change of one transaction left a node @lexical/yjs cannot read. Looks only at what
 * the transaction touched (the items it inserted, the `__type` entries it deleted), so it costs in
 * proportion to the change, not the document: for the live room, after every applied update.
 * The same rules as findUnknownNodes, which a repair then runs over the whole document.
 */
export function changeLeavesUnknownNodes(transaction: Y.Transaction): boolean {
  const { doc } = transaction;
  const root = doc.get(ROOT_NAME, Y.XmlText);
  const registered = registeredNodeTypes();
  const candidates = new Set<Placed>();
  const noteTypeEntry = (item: Y.Item) => {
    if (item.parentSub === "__type" && item.parent instanceof Y.AbstractType) candidates.add(item.parent);
  };
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = doc.store.clients.get(client) ?? [];
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const item = structs[i];
      if (!(item instanceof Y.Item) || item.deleted) continue;
      // Anything put straight into a table part, or a new table part: its shape is checked by the full scan.
      if (isTablePart(item.parent) && underRoot(item.parent as Y.XmlText, root)) return true;
      if (item.content instanceof Y.ContentType && isTablePart(item.content.type)) return true;
      if (item.content instanceof Y.ContentType) candidates.add(item.content.type);
      else if (item.content instanceof Y.ContentEmbed && item.parentSub === null) {
        // An embed that is no node at all, in an element's content.
        const parent = item.parent;
        if (parent instanceof Y.XmlText && underRoot(parent, root)) return true;
      }
      noteTypeEntry(item);
    }
  }
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (struct instanceof Y.Item) noteTypeEntry(struct);
  });
  for (const type of candidates) {
    if (!isNodePlacement(type) || !underRoot(type, root)) continue;
    if (check(type, undefined, false, registered)) return true;
  }
  return false;
}

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useMatch } from "react-router";
import { canWriteText } from "../../../../shared/roles";
import type { DocumentKind } from "../../../../shared/schemas/documents";
import type { DocumentMetadata } from "../documents/DocumentFormParts";
import { useWorkspace } from "../workspaces/workspace-queries";
import { FileDropOverlay } from "./FileDropOverlay";
import { ImportDialog } from "./ImportDialog";
import { useImportQueue } from "./use-import-queue";
import "./imports.css";

/** What the import dialog opens with: files dropped, or the kind (and metadata) chosen in "Nieuw document". */
export interface ImportOpening {
  files?: readonly File[];
  kind?: DocumentKind;
  metadata?: Partial<DocumentMetadata>;
  /** Where focus goes when the dialog closes, if the element that opened it is gone (another dialog's button). */
  returnFocusTo?: Element | null;
}

interface ImportsContextValue {
  /** Whether I may import here: in a workspace, as an editor or facilitator. */
  canImport: boolean;
  open: (opening?: ImportOpening) => void;
}

const ImportsContext = createContext<ImportsContextValue | null>(null);

/**
 * Importing files on the workspace screens: holds the import queue, the dialog, and the drop overlay that
 * takes files dropped anywhere on the screen. Offered only to those who may write (editors, facilitators).
 * The queue lives here, not in the dialog, so a file keeps importing when its neighbour's document is opened.
 */
export function ImportProvider({ children }: { children: ReactNode }) {
  const workspaceId = useMatch("/w/:workspaceId/*")?.params.workspaceId;
  const [value, setValue] = useState<ImportsContextValue>(nowhere);
  return (
    <ImportsContext.Provider value={workspaceId ? value : nowhere}>
      {children}
      {/* Keyed: another workspace starts with an empty queue and a closed dialog. */}
      {workspaceId && <WorkspaceImports key={workspaceId} workspaceId={workspaceId} publish={setValue} />}
    </ImportsContext.Provider>
  );
}

const nowhere: ImportsContextValue = { canImport: false, open: () => {} };

/** The queue, dialog and drop overlay of one workspace; hands its `open` up to the provider's context. */
function WorkspaceImports({
  workspaceId,
  publish,
}: {
  workspaceId: string;
  publish: (value: ImportsContextValue) => void;
}) {
  const workspace = useWorkspace(workspaceId);
  const canImport = Boolean(workspace.data && canWriteText(workspace.data.role));
  const queue = useImportQueue(workspaceId);
  const [opening, setOpening] = useState<Omit<ImportOpening, "files">>();
  const { add, clear } = queue;
  const isOpen = opening !== undefined;

  const open = useCallback(
    ({ files = [], ...choices }: ImportOpening = {}) => {
      if (!canImport) return;
      // A fresh start forgets the last import's results; files dropped on the open dialog join it.
      if (!isOpen) {
        clear();
        setOpening(choices);
      }
      add(files);
    },
    [canImport, isOpen, add, clear],
  );
  const value = useMemo(() => ({ canImport, open }), [canImport, open]);
  useEffect(() => publish(value), [publish, value]);

  // Closed, and React Aria found nothing to hand focus back to (the opener was in a dialog that has closed):
  // the keyboard goes back where the user started. Run after the dialog's overlay has made the page usable again.
  const returnFocus = useRef<Element | null>(null);
  useEffect(() => {
    if (isOpen) return;
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target instanceof HTMLElement && target.isConnected && document.activeElement === document.body)
      target.focus();
  }, [isOpen]);
  const close = () => {
    returnFocus.current = opening?.returnFocusTo ?? null;
    setOpening(undefined);
  };
  useEffect(() => () => publish(nowhere), [publish]);

  if (!canImport) return null;
  return (
    <>
      <FileDropOverlay onFiles={(files) => open({ files })} />
      {opening && (
        <ImportDialog
          workspaceId={workspaceId}
          queue={queue}
          initialKind={opening.kind}
          initialMetadata={opening.metadata}
          onClose={close}
        />
      )}
    </>
  );
}

/** Opens the import dialog; `canImport` says whether to offer it. Inside the shell only. */
export function useImports(): ImportsContextValue {
  const value = useContext(ImportsContext);
  if (!value) throw new Error("useImports is used outside the ImportProvider (the app shell).");
  return value;
}

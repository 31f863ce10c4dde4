import type { ReactNode } from "react";
import { Dialog, Heading, Modal as AriaModal, ModalOverlay } from "react-aria-components";

export interface ModalProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** Pressing outside or Escape closes it unless something is in progress. */
  isDismissable?: boolean;
  role?: "dialog" | "alertdialog";
  children: ReactNode;
}

/** A modal dialog (React Aria): focus is trapped inside and returns to the opener on close. */
export function Modal({
  title,
  isOpen,
  onOpenChange,
  isDismissable = true,
  role = "dialog",
  children,
}: ModalProps) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
      isKeyboardDismissDisabled={!isDismissable}
    >
      <AriaModal className="modal">
        <Dialog className="dialog" role={role}>
          <Heading slot="title" className="dialog__title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </AriaModal>
    </ModalOverlay>
  );
}

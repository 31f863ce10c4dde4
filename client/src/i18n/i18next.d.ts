import "i18next";
import type account from "./messages/account";
import type auth from "./messages/auth";
import type common from "./messages/common";
import type documents from "./messages/documents";
import type editor from "./messages/editor";
import type invitations from "./messages/invitations";
import type lessons from "./messages/lessons";
import type shell from "./messages/shell";
import type workspaces from "./messages/workspaces";

// Keys are checked against the Dutch catalogue (English must have the same shape).
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    returnNull: false;
    resources: {
      account: typeof account.nl;
      auth: typeof auth.nl;
      common: typeof common.nl;
      documents: typeof documents.nl;
      editor: typeof editor.nl;
      invitations: typeof invitations.nl;
      lessons: typeof lessons.nl;
      shell: typeof shell.nl;
      workspaces: typeof workspaces.nl;
    };
  }
}

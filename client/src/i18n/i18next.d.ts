import "i18next";
import type account from "./messages/account";
import type auth from "./messages/auth";
import type comments from "./messages/comments";
import type common from "./messages/common";
import type comparison from "./messages/comparison";
import type documents from "./messages/documents";
import type editor from "./messages/editor";
import type follows from "./messages/follows";
import type handbook from "./messages/handbook";
import type history from "./messages/history";
import type imports from "./messages/imports";
import type invitations from "./messages/invitations";
import type lessons from "./messages/lessons";
import type meetings from "./messages/meetings";
import type search from "./messages/search";
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
      comments: typeof comments.nl;
      common: typeof common.nl;
      comparison: typeof comparison.nl;
      documents: typeof documents.nl;
      editor: typeof editor.nl;
      follows: typeof follows.nl;
      handbook: typeof handbook.nl;
      history: typeof history.nl;
      imports: typeof imports.nl;
      invitations: typeof invitations.nl;
      lessons: typeof lessons.nl;
      meetings: typeof meetings.nl;
      search: typeof search.nl;
      shell: typeof shell.nl;
      workspaces: typeof workspaces.nl;
    };
  }
}

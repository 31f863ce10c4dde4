import account from "./messages/account";
import auth from "./messages/auth";
import comments from "./messages/comments";
import common from "./messages/common";
import comparison from "./messages/comparison";
import documents from "./messages/documents";
import editor from "./messages/editor";
import follows from "./messages/follows";
import handbook from "./messages/handbook";
import history from "./messages/history";
import imports from "./messages/imports";
import invitations from "./messages/invitations";
import lessons from "./messages/lessons";
import meetings from "./messages/meetings";
import search from "./messages/search";
import shell from "./messages/shell";
import workspaces from "./messages/workspaces";

/**
 * The message catalogue: one namespace per file in ./messages, each exporting `{ nl, en }`.
 * Use `useTranslation("<namespace>")`; `common` is the default namespace.
 */
export const catalogue = {
  account,
  auth,
  comments,
  common,
  comparison,
  documents,
  editor,
  follows,
  handbook,
  history,
  imports,
  invitations,
  lessons,
  meetings,
  search,
  shell,
  workspaces,
};

// The app shell: sidebar, top bar, account menu.
const nl = {
  skipToContent: "Naar de inhoud",
  sidebar: {
    label: "Hoofdnavigatie",
    myWorkspaces: "Mijn werkruimtes",
    allWorkspaces: "Alle werkruimtes",
    overview: "Overzicht",
    noWorkspaces: "Nog geen werkruimtes",
    open: "Menu",
    close: "Menu sluiten",
  },
  topBar: {
    accountMenuSuffix: ", accountmenu",
    account: "Mijn account",
    logout: "Afmelden",
    loggingOut: "Bezig met afmelden…",
    logoutUnsaved_one:
      "{{count}} wijziging staat nog niet op de server. Als je je nu afmeldt, wordt ze van dit apparaat gewist. Toch afmelden?",
    logoutUnsaved_other:
      "{{count}} wijzigingen staan nog niet op de server. Als je je nu afmeldt, worden ze van dit apparaat gewist. Toch afmelden?",
    language: "Taal van de interface",
  },
};

const en: typeof nl = {
  skipToContent: "Skip to content",
  sidebar: {
    label: "Main navigation",
    myWorkspaces: "My workspaces",
    allWorkspaces: "All workspaces",
    overview: "Overview",
    noWorkspaces: "No workspaces yet",
    open: "Menu",
    close: "Close menu",
  },
  topBar: {
    accountMenuSuffix: ", account menu",
    account: "My account",
    logout: "Log out",
    loggingOut: "Logging out…",
    logoutUnsaved_one:
      "{{count}} change is not yet on the server. Logging out now deletes it from this device. Log out anyway?",
    logoutUnsaved_other:
      "{{count}} changes are not yet on the server. Logging out now deletes them from this device. Log out anyway?",
    language: "Interface language",
  },
};

export default { nl, en };

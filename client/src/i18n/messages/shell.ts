// The app shell: sidebar, top bar, account menu.
const nl = {
  skipToContent: "Naar de inhoud",
  sidebar: {
    label: "Hoofdnavigatie",
    myWorkspaces: "Mijn werkruimtes",
    allWorkspaces: "Alle werkruimtes",
    overview: "Overzicht",
    noWorkspaces: "Nog geen werkruimtes",
  },
  topBar: {
    accountMenu: "Accountmenu van {{name}}",
    account: "Mijn account",
    logout: "Afmelden",
    loggingOut: "Bezig met afmelden…",
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
  },
  topBar: {
    accountMenu: "Account menu of {{name}}",
    account: "My account",
    logout: "Log out",
    loggingOut: "Logging out…",
    language: "Interface language",
  },
};

export default { nl, en };

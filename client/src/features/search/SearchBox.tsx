import { type KeyboardEvent, useCallback, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMatch, useNavigate } from "react-router";
import type { SearchHit } from "../../../../shared/schemas/search";
import { Spinner } from "../../ui/Spinner";
import { SearchHitView } from "./SearchHitView";
import { SearchProblem } from "./SearchProblem";
import { UnderstoodKinds } from "./UnderstoodKinds";
import { hitHref, searchPageHref } from "./search-params";
import { useSearchResults } from "./search-queries";
import { useDebouncedValue } from "./use-debounced-value";
import { useSearchShortcut } from "./use-search-shortcut";
import "./search.css";

const POPOVER_LIMIT = 8;
const DEBOUNCE_MS = 150;

/** The search field in the top bar of every workspace page; renders nothing outside a workspace. */
export function SearchBox() {
  const match = useMatch("/w/:workspaceId/*");
  const workspaceId = match?.params.workspaceId;
  return workspaceId ? <WorkspaceSearchBox key={workspaceId} workspaceId={workspaceId} /> : null;
}

/**
 * A combobox (ARIA 1.2 pattern): results appear in a listbox while typing, arrow keys move the active
 * option (aria-activedescendant, focus stays in the field), Enter or a click opens it, Escape closes.
 * The last option opens the full results page with facet filters.
 */
function WorkspaceSearchBox({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation("search");
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const [value, setValue] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // The kind chip taken away: these words are all text (until they change).
  const [literal, setLiteral] = useState(false);
  const q = useDebouncedValue(value.trim(), DEBOUNCE_MS);
  const results = useSearchResults(
    workspaceId,
    { q, filters: {}, literal },
    { limit: POPOVER_LIMIT, enabled: open },
  );

  const focusField = useCallback(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
    setOpen(true);
  }, []);
  useSearchShortcut(focusField, true);

  // Results of older words stay visible while the new ones load (keepPreviousData), but are never opened by Enter.
  const current = results.data && !results.isPlaceholderData && q === value.trim() ? results.data : undefined;
  const hits: SearchHit[] = q !== "" ? (results.data?.hits ?? []) : [];
  const optionCount = q !== "" ? hits.length + 1 : 0; // + "all results"
  const showPopover = open && value.trim() !== "";
  const optionId = (index: number) => `${listId}-option-${index}`;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const openOption = (index: number) => {
    const hit = hits[index];
    const to = hit ? hitHref(workspaceId, hit) : searchPageHref(workspaceId, value.trim(), literal);
    close();
    inputRef.current?.blur();
    navigate(to);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        event.preventDefault();
        setOpen(true);
        if (optionCount === 0) return;
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((index) => (index + step + optionCount + (index < 0 && step < 0 ? 1 : 0)) % optionCount);
        return;
      }
      case "Enter": {
        if (value.trim() === "") return;
        event.preventDefault();
        // Enter without a chosen option opens the full results; a chosen hit only once its results are current.
        if (active >= 0 && active < hits.length && current) openOption(active);
        else if (active < 0 || active === hits.length) openOption(hits.length);
        return;
      }
      case "Escape":
        if (showPopover) {
          event.preventDefault();
          close();
        } else if (value !== "") {
          event.preventDefault();
          setValue("");
        } else {
          inputRef.current?.blur();
        }
        return;
    }
  };

  const loading = showPopover && (q !== value.trim() || results.isFetching);
  return (
    <div className="search-box">
      <div className="search-box__field" data-loading={loading || undefined}>
        <svg className="search-box__icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M16 16l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <input
          ref={inputRef}
          type="search"
          className="search-box__input"
          role="combobox"
          aria-label={t("field.label")}
          aria-description={t("field.shortcutHint")}
          aria-autocomplete="list"
          aria-expanded={showPopover}
          aria-controls={listId}
          aria-activedescendant={showPopover && active >= 0 ? optionId(active) : undefined}
          placeholder={t("field.placeholder")}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setLiteral(false);
            setActive(-1);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={(event) => {
            // Focus moving into the popover (its retry button) keeps it open.
            if (!popoverRef.current?.contains(event.relatedTarget as Node | null)) close();
          }}
          onKeyDown={onKeyDown}
        />
        {loading ? <Spinner /> : <kbd className="search-box__kbd">{t("field.shortcut")}</kbd>}
      </div>
      <div ref={popoverRef} className="search-popover" hidden={!showPopover}>
        <span className="visually-hidden" role="status">
          {showPopover &&
            (loading ? t("field.loading") : current ? t("page.count", { count: current.total }) : "")}
        </span>
        {results.isError && q !== "" ? (
          <SearchProblem error={results.error} onRetry={() => results.refetch()} />
        ) : (
          showPopover &&
          q !== "" &&
          results.data &&
          hits.length === 0 &&
          !loading && (
            <p className="search-popover__empty">
              {t("empty")} <span className="muted">{t("emptyHint")}</span>
            </p>
          )
        )}
        {showPopover && q !== "" && !results.isError && (
          <UnderstoodKinds
            understood={results.data?.understood}
            onRemove={() => {
              setLiteral(true);
              inputRef.current?.focus();
            }}
          />
        )}
        {showPopover && !results.data && loading && (
          <p className="search-popover__loading">{t("field.loading")}</p>
        )}
        <div
          id={listId}
          role="listbox"
          aria-label={t("field.results")}
          aria-busy={loading}
          className="search-popover__list"
          // Pressing on an option must not blur the field (which would close the list before the click).
          onMouseDown={(event) => event.preventDefault()}
        >
          {hits.map((hit, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard users choose options from the field (aria-activedescendant).
            <div
              key={`${hit.type}:${hit.id}`}
              id={optionId(index)}
              role="option"
              aria-selected={active === index}
              // Focus stays in the field (aria-activedescendant); options are never tab stops.
              tabIndex={-1}
              className="search-popover__option"
              onClick={() => openOption(index)}
              onMouseMove={() => active !== index && setActive(index)}
            >
              <SearchHitView hit={hit} compact />
            </div>
          ))}
          {optionCount > 0 && (
            // biome-ignore lint/a11y/useKeyWithClickEvents: as above, the field handles the keys.
            <div
              id={optionId(hits.length)}
              role="option"
              aria-selected={active === hits.length}
              tabIndex={-1}
              className="search-popover__option search-popover__all"
              onClick={() => openOption(hits.length)}
              onMouseMove={() => active !== hits.length && setActive(hits.length)}
            >
              {t("field.allResults", { q })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

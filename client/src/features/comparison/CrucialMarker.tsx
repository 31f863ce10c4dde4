import { useTranslation } from "react-i18next";
import { Button, OverlayArrow, Tooltip, TooltipTrigger } from "react-aria-components";

/** The "candidate crucial element" mark of a row; hover or focus explains the rule. */
export function CrucialMarker({ ruleId }: { ruleId: string }) {
  const { t } = useTranslation("comparison");
  return (
    <TooltipTrigger delay={300}>
      <Button className="crucial-marker" aria-describedby={ruleId}>
        <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M12 2l3 7h7l-5.5 4.5 2 7.5L12 16.5 5.5 21l2-7.5L2 9h7z" fill="currentColor" />
        </svg>
        {t("matrix.crucial")}
      </Button>
      <Tooltip className="crucial-tooltip" placement="bottom start" offset={6}>
        <OverlayArrow>
          <svg width={10} height={6} viewBox="0 0 10 6" aria-hidden="true">
            <path d="M0 6 L5 0 L10 6" />
          </svg>
        </OverlayArrow>
        {t("matrix.crucialRule")}
      </Tooltip>
    </TooltipTrigger>
  );
}

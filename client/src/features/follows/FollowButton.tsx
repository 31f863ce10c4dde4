import { ToggleButton } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { FollowTargetType } from "../../../../shared/schemas/follows";
import { describeApiError } from "../../forms/errors";
import { useFollows, useSetFollowing } from "./follow-queries";
import "./follows.css";

/**
 * "Volgen"/"Volgend" for a theme or document (aria-pressed): what I follow comes into my digest.
 * `name` completes the accessible name where several buttons share a page (one per theme).
 */
export function FollowButton({
  workspaceId,
  targetType,
  targetId,
  name,
}: {
  workspaceId: string;
  targetType: FollowTargetType;
  targetId: string;
  name?: string;
}) {
  const { t } = useTranslation("follows");
  const follows = useFollows(workspaceId);
  const setFollowing = useSetFollowing(workspaceId);
  const list = targetType === "theme" ? follows.data?.themes : follows.data?.documents;
  const following = list?.includes(targetId) ?? false;
  return (
    <>
      <ToggleButton
        className="button button--secondary button--small follow-button"
        isSelected={following}
        // Presses while one is saved are let go, rather than disabling the button (which would drop its focus).
        isDisabled={!follows.data}
        onChange={(next) => {
          if (!setFollowing.isPending)
            setFollowing.mutate({ target: { targetType, targetId }, following: next });
        }}
      >
        {following ? t("following") : t("follow")}
        {name && <span className="visually-hidden"> {name}</span>}
      </ToggleButton>
      {setFollowing.isError && (
        <span role="alert" className="field__error">
          {describeApiError(setFollowing.error)}
        </span>
      )}
    </>
  );
}

import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCitingRecommendations } from "./evidence-queries";
import "./recommendations.css";

/** The recommendations citing a lesson, as links; nothing at all while there are none. */
export function CitingRecommendations({ workspaceId, lessonId }: { workspaceId: string; lessonId: string }) {
  const { t } = useTranslation("comparison");
  const citing = useCitingRecommendations(lessonId);
  if (!citing.data || citing.data.length === 0) return null;
  return (
    <p className="citing-recommendations">
      <span className="citing-recommendations__label">{t("evidence.citedBy")}</span>{" "}
      {citing.data.map((r, i) => (
        <span key={r.id}>
          {i > 0 && ", "}
          <Link to={`/w/${workspaceId}/d/${r.id}`}>{r.title}</Link>
        </span>
      ))}
    </p>
  );
}

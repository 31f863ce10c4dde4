import "./lesson-kinds.css";
import type { LessonKind } from "../../../../shared/lessons";

/** Stroke paths (24×24) of each kind's icon; the editor's CSS carries the same shapes as data URIs. */
export const lessonKindIconPaths: Record<LessonKind, string> = {
  do: "M5 12.5l4.5 4.5L19 7",
  dont: "M6 6l12 12M18 6L6 18",
  pitfall: "M12 3L2 21h20L12 3zM12 10v5M12 18v.5",
  bottleneck: "M6 3h12M6 21h12M7 3l5 9 5-9M7 21l5-9 5 9",
  success_factor: "M12 3l2.8 5.8 6.2.9-4.5 4.4 1.1 6.2L12 17.3l-5.6 3 1.1-6.2L3 9.7l6.2-.9z",
};

/** The icon of a lesson kind (decorative: the kind's label always stands beside it). */
export function LessonKindIcon({ kind }: { kind: LessonKind }) {
  return (
    <svg
      className="lesson-kind-icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={lessonKindIconPaths[kind]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Handbook, HandbookLesson, TextBlock } from "../../../../shared/schemas/handbook";
import { checkBoxMark, tableRows } from "../../../../shared/text-blocks";
import { useFormatDate } from "../../i18n/format";
import { LessonKindBadge } from "../lessons/LessonKindBadge";
import { LessonKindIcon } from "../lessons/LessonKindIcon";

type Piece = { key: string; block: TextBlock } | { key: string; items: TextBlock[] };

/** Groups runs of list items into one list; keys are positions, as text blocks have no identity of their own. */
function piecesOf(blocks: TextBlock[]): Piece[] {
  const pieces: Piece[] = [];
  let position = 0;
  for (const block of blocks) {
    position += 1;
    const last = pieces.at(-1);
    if (block.type === "listItem" && last && "items" in last) last.items.push(block);
    else if (block.type === "listItem") pieces.push({ key: `l${position}`, items: [block] });
    else pieces.push({ key: `b${position}`, block });
  }
  return pieces;
}

/** Renders chapter text blocks; headings sit below the chapter heading, runs of list items become one list. */
function TextBlocks({ blocks, baseLevel }: { blocks: TextBlock[]; baseLevel: number }) {
  const { t } = useTranslation("handbook");
  return (
    <>
      {piecesOf(blocks).map((piece) => {
        if ("items" in piece) {
          return (
            <ul key={piece.key}>
              {piece.items.map((item, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity beyond their place
                <li key={i}>
                  {item.checked !== undefined && (
                    <span
                      className="handbook__check"
                      role="img"
                      aria-label={t(item.checked ? "checked" : "unchecked")}
                    >
                      {checkBoxMark(item).trim()}
                    </span>
                  )}
                  {item.text}
                </li>
              ))}
            </ul>
          );
        }
        const { block } = piece;
        if (block.type === "heading") {
          const Tag = `h${Math.min(6, baseLevel + (block.level ?? 1))}` as "h4" | "h5" | "h6";
          return (
            <Tag key={piece.key} className="handbook__text-heading">
              {block.text}
            </Tag>
          );
        }
        if (block.type === "quote") return <blockquote key={piece.key}>{block.text}</blockquote>;
        if (block.type === "table") {
          const { header, body } = tableRows(block);
          return (
            <div key={piece.key} className="handbook__table" data-scrolls-sideways>
              <table>
                <thead>
                  <tr>
                    {header.map((cell, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity beyond their place
                      <th key={i}>{cell}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {body.map((row, r) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
                    <tr key={r}>
                      {row.map((cell, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity beyond their place
                        <td key={i}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }
        return <p key={piece.key}>{block.text}</p>;
      })}
    </>
  );
}

function Citation({ workspaceId, lesson }: { workspaceId: string; lesson: HandbookLesson }) {
  const { citation } = lesson;
  const label = citation.municipality ? `${citation.municipality} — ${citation.title}` : citation.title;
  return (
    <cite className="handbook__citation">
      <Link to={`/w/${workspaceId}/d/${citation.documentId}?les=${encodeURIComponent(lesson.id)}`}>
        {label}
      </Link>
    </cite>
  );
}

function LessonList({ workspaceId, lessons }: { workspaceId: string; lessons: HandbookLesson[] }) {
  return (
    <ul className="handbook__lessons">
      {lessons.map((lesson) => (
        <li key={lesson.id} className="handbook__lesson" data-kind={lesson.kind}>
          <span className="handbook__lesson-text">{lesson.text}</span>{" "}
          <Citation workspaceId={workspaceId} lesson={lesson} />
        </li>
      ))}
    </ul>
  );
}

/** The compiled handbook on screen: title page, contents, chapters with lessons by kind, recommendations. */
export function HandbookPreview({ workspaceId, handbook }: { workspaceId: string; handbook: Handbook }) {
  const { t } = useTranslation("handbook");
  const formatDate = useFormatDate();
  const chapterId = (n: number) => `hb-chapter-${n}`;
  return (
    <article className="handbook" aria-labelledby="handbook-title">
      <header className="handbook__title-page">
        <h2 className="handbook__title" id="handbook-title">
          {handbook.title}
        </h2>
        {handbook.subtitle && <p className="handbook__subtitle">{handbook.subtitle}</p>}
        <p className="handbook__compiled">
          {t("preview.compiledAt", { when: formatDate(handbook.compiledAt) })}
        </p>
      </header>

      <nav className="handbook__toc" aria-labelledby="handbook-toc">
        <h3 id="handbook-toc">{t("preview.toc")}</h3>
        <ol>
          {handbook.chapters.map((chapter) => (
            <li key={chapter.theme.id}>
              <a href={`#${chapterId(chapter.number)}`}>
                {chapter.number}. {chapter.theme.name}
              </a>
            </li>
          ))}
          {handbook.recommendations.length > 0 && (
            <li className="handbook__toc-extra">
              <a href="#hb-recommendations">{t("preview.recommendations")}</a>
            </li>
          )}
        </ol>
        {handbook.chapters.length === 0 && <p className="muted">{t("preview.noChapters")}</p>}
      </nav>

      {handbook.chapters.map((chapter) => {
        const lessonCount = chapter.groups.reduce((sum, g) => sum + g.lessons.length, 0);
        return (
          <section key={chapter.theme.id} className="handbook__chapter" id={chapterId(chapter.number)}>
            <h3 className="handbook__chapter-title">
              <span className="handbook__chapter-number">
                {t("preview.chapter", { number: chapter.number })}
              </span>
              {chapter.theme.name}
            </h3>
            <TextBlocks blocks={chapter.text} baseLevel={3} />
            {lessonCount === 0 && <p className="muted">{t("preview.noLessons")}</p>}
            {chapter.groups
              .filter((group) => group.lessons.length > 0)
              .map((group) => (
                <div key={group.kind} className="handbook__group" data-kind={group.kind}>
                  <h4 className="handbook__group-title">
                    <LessonKindIcon kind={group.kind} />
                    {t(`preview.groups.${group.kind}`)}
                  </h4>
                  <LessonList workspaceId={workspaceId} lessons={group.lessons} />
                </div>
              ))}
          </section>
        );
      })}

      <section className="handbook__chapter" id="hb-recommendations">
        <h3 className="handbook__chapter-title">{t("preview.recommendations")}</h3>
        {handbook.recommendations.length === 0 && <p className="muted">{t("preview.noRecommendations")}</p>}
        {handbook.recommendations.map((rec) => (
          <div key={rec.id} className="handbook__recommendation">
            <h4>
              <Link to={`/w/${workspaceId}/d/${rec.id}`}>{rec.title}</Link>
            </h4>
            <TextBlocks blocks={rec.text} baseLevel={4} />
            <p className="handbook__backed">
              {t("preview.backedBy", {
                lessons: t("preview.lessons", { count: rec.counts.lessons }),
                cases: t("preview.cases", { count: rec.counts.cases }),
              })}
            </p>
            {rec.evidence.length > 0 && (
              <ul className="handbook__lessons">
                {rec.evidence.map((lesson) => (
                  <li key={lesson.id} className="handbook__lesson" data-kind={lesson.kind}>
                    <LessonKindBadge kind={lesson.kind} />{" "}
                    <span className="handbook__lesson-text">{lesson.text}</span>{" "}
                    <Citation workspaceId={workspaceId} lesson={lesson} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>
    </article>
  );
}

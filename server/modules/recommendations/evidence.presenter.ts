import type { LessonKind, LessonStatus } from "../../../shared/lessons";
import type { EvidenceLesson, EvidenceResponse } from "../../../shared/schemas/recommendations";
import { countEvidence, type EvidenceRow } from "./evidence.repo";

const outcomes: readonly string[] = ["succeeded", "struggled", "ongoing"];

export function presentEvidenceLesson(r: EvidenceRow): EvidenceLesson {
  return {
    id: r.id,
    kind: r.kind as LessonKind,
    text: r.text,
    status: r.status as LessonStatus,
    themes: r.themes,
    document: {
      id: r.document_id,
      title: r.document_title,
      kind: r.document_kind,
      municipality: r.municipality,
      outcome: outcomes.includes(r.outcome ?? "") ? (r.outcome as EvidenceLesson["document"]["outcome"]) : null,
    },
  };
}

export function presentEvidence(rows: readonly EvidenceRow[]): EvidenceResponse {
  return { lessons: rows.map(presentEvidenceLesson), counts: countEvidence(rows) };
}

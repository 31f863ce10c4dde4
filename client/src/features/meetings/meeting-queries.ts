import { useMutation } from "@tanstack/react-query";
import { meetingInviteResponse } from "../../../../shared/schemas/meetings";
import { api } from "../../api/client";

/** POST /api/documents/:id/meeting-invite: mails every member the invitation with the .ics (facilitators). */
export function useMailMeetingInvite(documentId: string) {
  return useMutation({
    mutationFn: () =>
      api.post(`/api/documents/${documentId}/meeting-invite`, undefined, meetingInviteResponse),
  });
}

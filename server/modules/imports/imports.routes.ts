import { idSchema } from "../../../shared/schemas/common";
import type { ApiModule } from "../../app-deps";
import { requireUser } from "../../auth/require-user";
import { AppError, badRequest, notFound } from "../../errors";
import type { ImportInput, ImportsService } from "./imports.service";

/** Form fields copied into the document request; anything else in the form is ignored. */
const TEXT_FIELDS = ["kind", "title", "municipality", "outcome", "meetingDate", "meetingPlace"] as const;

/** The import route: POST /api/workspaces/:id/imports, one multipart file per request (shared/schemas/imports.ts). */
export function importsRoutes(imports: ImportsService): ApiModule {
  return (app) => {
    app.post("/api/workspaces/:workspaceId/imports", async (c) => {
      const workspaceId = c.req.param("workspaceId");
      if (!idSchema.safeParse(workspaceId).success) throw notFound("Workspace");
      const user = requireUser(c.var.user);
      if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/form-data"))
        throw new AppError(415, "unsupported_media_type", "Send the file as multipart/form-data.");
      let form: Record<string, string | File>;
      try {
        form = await c.req.parseBody();
      } catch {
        throw badRequest("The form could not be read.");
      }
      const file = form.file;
      if (!(file instanceof File)) throw badRequest("file is required", "file");
      const fields: Record<string, unknown> = {};
      for (const name of TEXT_FIELDS) {
        const value = form[name];
        if (typeof value === "string" && value !== "") fields[name] = value;
      }
      const centre = form.isCentreCity;
      if (typeof centre === "string" && centre !== "")
        fields.isCentreCity = centre === "true" ? true : centre === "false" ? false : centre;
      const result = await imports.import(user, workspaceId, {
        fileName: cleanFileName(file.name),
        bytes: new Uint8Array(await file.arrayBuffer()),
        fields: fields as ImportInput["fields"],
      });
      return c.json(result, 201);
    });
  };
}

/** A file name as sent, fit to echo in a message: no path, no control characters, at most 120 characters. */
function cleanFileName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return base.length > 120 ? `${base.slice(0, 100)}…${base.slice(-19)}` : base || "bestand";
}

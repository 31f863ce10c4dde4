import { describe, expect, it } from "vitest";
import { IMPORT_LIMITS } from "../../../../shared/schemas/imports";
import { ApiError } from "../../api/client";
import { importAccept, refusalBeforeUpload, refusalOf } from "./import-files";

describe("refusalBeforeUpload", () => {
  it("accepts Word and Markdown files by extension, whatever the case", () => {
    for (const name of ["notulen.docx", "Verslag.DOCX", "lessen.md", "README.Markdown"])
      expect(refusalBeforeUpload({ name, size: 10 }), name).toBeUndefined();
  });

  it("refuses other extensions, and names that only contain an accepted one", () => {
    for (const name of ["plaatje.png", "oud.doc", "notulen.docx.exe", "md", "tekst.txt"])
      expect(refusalBeforeUpload({ name, size: 10 }), name).toBe("unsupported_type");
  });

  it("refuses a file over the limit, and takes one exactly at it", () => {
    expect(refusalBeforeUpload({ name: "groot.docx", size: IMPORT_LIMITS.maxFileBytes + 1 })).toBe(
      "too_large",
    );
    expect(refusalBeforeUpload({ name: "net.docx", size: IMPORT_LIMITS.maxFileBytes })).toBeUndefined();
  });

  it("offers the same extensions to the file picker", () => {
    expect(importAccept).toBe(".docx,.md,.markdown");
  });
});

describe("refusalOf", () => {
  it("takes the server's reason", () => {
    const error = new ApiError(
      422,
      "validation_failed",
      "x.docx is protected",
      undefined,
      undefined,
      "password_protected",
    );
    expect(refusalOf(error)).toBe("password_protected");
  });

  it("reads a 413 or 415 without a reason as too large or an unsupported type", () => {
    expect(refusalOf(new ApiError(413, "payload_too_large", "too large"))).toBe("too_large");
    expect(refusalOf(new ApiError(415, "unsupported_media_type", "no"))).toBe("unsupported_type");
  });

  it("is undefined for an unknown reason and for failures that are not refusals", () => {
    expect(
      refusalOf(new ApiError(422, "validation_failed", "?", undefined, undefined, "cursed")),
    ).toBeUndefined();
    expect(refusalOf(new ApiError(403, "forbidden", "no"))).toBeUndefined();
    expect(refusalOf(new ApiError(0, "network_error", "offline"))).toBeUndefined();
    expect(refusalOf(new Error("boom"))).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { isSafeLinkUrl, sanitizeLinkUrl } from "./url";

describe("sanitizeLinkUrl", () => {
  it("accepts http, https and mailto", () => {
    expect(sanitizeLinkUrl("https://www.vvsg.be/")).toBe("https://www.vvsg.be/");
    expect(sanitizeLinkUrl(" http://example.org/a b ")).toBe("http://example.org/a%20b");
    expect(sanitizeLinkUrl("mailto:fien@example.org")).toBe("mailto:fien@example.org");
  });

  it("refuses script, data, relative and malformed URLs", () => {
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox",
      "file:///etc/passwd",
      "/relative/path",
      "www.example.org",
      "http://",
      "",
    ]) {
      expect(isSafeLinkUrl(bad), bad).toBe(false);
    }
  });
});

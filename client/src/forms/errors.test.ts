import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { loginRequest } from "../../../shared/schemas/auth";
import { acceptInviteRequest } from "../../../shared/schemas/workspaces";
import { ApiError } from "../api/client";
import common from "../i18n/messages/common";
import { apiFieldErrors, describeApiError, validate } from "./errors";

beforeAll(async () => {
  await i18next.init({
    lng: "nl",
    resources: { nl: { common: common.nl }, en: { common: common.en } },
    defaultNS: "common",
  });
});

describe("validate with the shared schemas", () => {
  it("returns the parsed data when the input is valid", () => {
    expect(validate(loginRequest, { email: " Fien@Example.TEST ", password: "x" })).toEqual({
      data: { email: "fien@example.test", password: "x" },
    });
  });

  it("names each bad field in Dutch, an empty one as required", () => {
    const newPerson = acceptInviteRequest.options[0];
    const result = validate(newPerson, { name: "  ", email: "not-an-email", password: "kort" });
    expect(result.errors).toEqual({
      name: "Vul dit veld in.",
      email: "Geef een geldig e-mailadres.",
      password: "Gebruik minstens 8 tekens.",
    });
  });

  it("follows the interface language", async () => {
    await i18next.changeLanguage("en");
    expect(validate(loginRequest, { email: "", password: "" }).errors).toEqual({
      email: "Fill in this field.",
      password: "Fill in this field.",
    });
    await i18next.changeLanguage("nl");
  });
});

describe("API errors for people", () => {
  it("explains throttling with the seconds to wait", () => {
    const error = new ApiError(429, "rate_limited", "Too many", undefined, 1);
    expect(describeApiError(error)).toBe("Te veel pogingen. Probeer het over 1 seconde opnieuw.");
    expect(describeApiError(new ApiError(429, "rate_limited", "Too many", undefined, 30))).toContain(
      "30 seconden",
    );
  });

  it("tells an unreachable server apart from a refusal", () => {
    expect(describeApiError(new ApiError(0, "network_error", "down"))).toMatch(/niet bereikbaar/);
    expect(describeApiError(new ApiError(403, "forbidden", "no"))).toBe(
      "Je hebt geen toestemming om dit te doen.",
    );
  });

  it("puts a server-side validation error next to the field it names", () => {
    expect(apiFieldErrors(new ApiError(400, "validation_failed", "email: bad", "email"))).toEqual({
      email: "Deze waarde is niet geldig.",
    });
    expect(apiFieldErrors(new ApiError(409, "conflict", "taken"))).toBeUndefined();
  });
});

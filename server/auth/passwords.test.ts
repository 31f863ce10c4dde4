import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./passwords";

describe("passwords", () => {
  it("hashes with argon2id at m=19456 KiB, t=2, p=1, salted", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "correct horse battery")).toBe(true);
    expect(await verifyPassword(a, "wrong horse battery")).toBe(false);
  });

  it("never matches or throws on a malformed hash", async () => {
    expect(await verifyPassword("!fixture", "anything")).toBe(false);
  });

  // Unknown emails run a real argon2 verification against a dummy hash (so the answer takes as long as a
  // wrong password); its result is always false, whatever the password.
  it("answers false for the dummy check, whatever the password", async () => {
    expect(await verifyAgainstDummy("")).toBe(false);
    expect(await verifyAgainstDummy("correct horse battery")).toBe(false);
  });
});

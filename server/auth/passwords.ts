import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { generateToken } from "./session-token";

/** argon2id with the OWASP-recommended minimum: 19 MiB memory, 2 passes, 1 lane. */
const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id; a const enum cannot be read under isolatedModules
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password into a PHC string (salt and parameters included). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** True when the password matches the hash; a malformed hash never matches (and never throws). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as a real check, for an email without an account, so the response time
 * does not reveal which emails exist. Always false.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(generateToken());
  await verifyPassword(await dummyHash, password);
  return false;
}

/** A random password for generated accounts (demo): 160 bits in lowercase base32. */
export function randomPassword(): string {
  return generateToken();
}

import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the library's defaults (OWASP-recommended parameters). */
export const hashPassword = (password: string): Promise<string> => hash(password);

// Verifying against a fixed hash for unknown users keeps response times alike.
let dummy: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummy ??= hash('not-a-real-password');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

import { hash, verify } from '@node-rs/argon2'

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's second profile (m=19 MiB, t=2, p=1).
 * Algorithm 2 = Argon2id (const enum in @node-rs/argon2, not importable under isolatedModules).
 */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const MIN_PASSWORD_LENGTH = 12

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/** Verified against when the e-mail is unknown, so a login takes as long whether or not the account exists. */
let dummy: Promise<string> | undefined
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-but-just-as-slow')
  return dummy
}

import "server-only";
import type { User } from "@/db/schema";
import type { RequestContext } from "@/lib/http/request-context";
import { verifyPassword } from "./password-hash";
import { acceptRightPassword, claimPasswordAttempt, recordWrongPassword, throttleKeys } from "./throttle";

export type PasswordCheck = "ok" | "wrong" | "throttled";

/** Asks a signed-in user's password again (sensitive settings); failures count like at sign-in. */
export async function confirmPassword(user: User, password: string, ctx: RequestContext): Promise<PasswordCheck> {
  const keys = throttleKeys(user.email, ctx.ip);
  // Claimed before argon2, as at sign-in: parallel requests get no more checks than sequential ones.
  if ((await claimPasswordAttempt(keys)) > 0) return "throttled";
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordWrongPassword(keys);
    return "wrong";
  }
  await acceptRightPassword(keys);
  return "ok";
}

export const PASSWORD_CHECK_MESSAGE: Record<Exclude<PasswordCheck, "ok">, string> = {
  wrong: "Mot de passe incorrect.",
  throttled: "Trop de tentatives. Réessayez dans quelques minutes.",
};

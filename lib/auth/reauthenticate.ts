import "server-only";
import type { User } from "@/db/schema";
import type { RequestContext } from "@/lib/http/request-context";
import { verifyPassword } from "./password-hash";
import { acceptRightPassword, claimPasswordAttempt, recordWrongPassword, throttleKeys } from "./throttle";

export type PasswordCheck = { kind: "ok" } | { kind: "wrong-password" } | { kind: "throttled" };

/** Asks a signed-in user's password again (sensitive settings); failures count like at sign-in. */
export async function confirmPassword(user: User, password: string, ctx: RequestContext): Promise<PasswordCheck> {
  const keys = throttleKeys(user.email, ctx.ip);
  // Claimed before argon2, as at sign-in: parallel requests get no more checks than sequential ones.
  if ((await claimPasswordAttempt(keys)) > 0) return { kind: "throttled" };
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordWrongPassword(keys);
    return { kind: "wrong-password" };
  }
  await acceptRightPassword(keys);
  return { kind: "ok" };
}

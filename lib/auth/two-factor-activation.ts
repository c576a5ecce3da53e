import "server-only";
import type { User } from "@/db/schema";
import { activateTwoFactor, type ActivationResult } from "@/lib/twofactor/enrolment";
import { revokeOtherSessions } from "./sessions";

/**
 * « Activer » on the security page: the second factor turns on and, in the same transaction, the
 * account's other sessions end (as after a password change); the session making the request stays.
 */
export function activateTwoFactorHere(user: User, code: string, keepSessionId: string): Promise<ActivationResult> {
  return activateTwoFactor(user, code, (tx) => revokeOtherSessions(user.id, keepSessionId, tx, "double authentification activée"));
}

import type { Role } from "@/db/schema";

// Which roles must keep a second factor: they cannot sign in without one (lib/auth/sign-in.ts
// sends them to enrol first) nor turn theirs off (deactivateTwoFactor). Support's colleague may
// still reset a lost authenticator (removeTwoFactor, decision 0009): the next sign-in enrols again.

export const TWO_FACTOR_REQUIRED: readonly Role[] = ["support"];

export function twoFactorRequired(role: Role): boolean {
  return TWO_FACTOR_REQUIRED.includes(role);
}

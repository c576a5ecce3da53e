import type { User } from "@/db/schema";

/**
 * Who works an agenda: the doctor whose agenda it is (from the session, never from a form) and the
 * person acting (the doctor, or a secretary working for them), recorded as author of each change.
 * `requirePracticeAccess()` returns one.
 */
export type AgendaAccess = {
  doctor: Pick<User, "id">;
  user: Pick<User, "id">;
  mode: "direct" | "secretary";
};

import * as z from "./zod";

const uuid = z.uuid();

/** An id from a URL, a form or a notification is looked up only if it is a well-formed UUID. */
export function isUuid(value: unknown): value is string {
  return uuid.safeParse(value).success;
}

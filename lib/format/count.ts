// A number with its noun in the right French form: 0 and 1 take the singular (« 1 session
// fermée », « 0 session »), 2 and more the plural (« 3 sessions fermées »). Client-safe.

import { formatCount } from "./number";

export function counted(count: number, singular: string, plural: string): string {
  return `${formatCount(count)} ${Math.abs(count) < 2 ? singular : plural}`;
}

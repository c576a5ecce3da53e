import "server-only";
import { and, asc, eq, gt, ilike, or, sql, type SQL } from "drizzle-orm";
import * as z from "@/lib/forms/zod";
import { users, type User } from "@/db/schema";
import { getDb } from "@/lib/db";
import { escapeLike, searchText } from "@/lib/forms/search-text";
import { containsFolded } from "@/lib/search/folded-match";

export const PAGE_SIZE = 20;

/** The search form's query string; anything unexpected is dropped rather than failing. */
export const userSearchSchema = z.object({
  q: searchText(100),
  role: z.enum(["doctor", "secretary", "patient", "support"]).optional().catch(undefined),
  status: z.enum(["active", "blocked"]).optional().catch(undefined),
  // Keyset cursor: the last email of the previous page.
  apres: searchText(320).transform((v) => v || undefined),
});
export type UserSearch = z.output<typeof userSearchSchema>;

/** One page of users matching the search, by email, and the cursor of the next page if any. */
export async function searchUsers(search: UserSearch): Promise<{ rows: User[]; next: string | null }> {
  const filters: SQL[] = [];
  if (search.q) {
    // A whole name is typed either way round (« Paul Schmit », « Schmit Paul »), with whatever
    // spaces between its words: each part alone would never contain it. Accents are optional.
    const name = search.q.replace(/\s+/g, " ");
    filters.push(
      or(
        ilike(users.email, `%${escapeLike(search.q)}%`),
        containsFolded(users.firstName, search.q),
        containsFolded(users.lastName, search.q),
        containsFolded(sql`${users.firstName} || ' ' || ${users.lastName}`, name),
        containsFolded(sql`${users.lastName} || ' ' || ${users.firstName}`, name),
      )!,
    );
  }
  if (search.role) filters.push(eq(users.role, search.role));
  if (search.status) filters.push(eq(users.status, search.status));
  if (search.apres) filters.push(gt(users.email, search.apres));
  const rows = await getDb()
    .select()
    .from(users)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(asc(users.email))
    .limit(PAGE_SIZE + 1);
  const more = rows.length > PAGE_SIZE;
  const page = rows.slice(0, PAGE_SIZE);
  return { rows: page, next: more ? page[page.length - 1]!.email : null };
}

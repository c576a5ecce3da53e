import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";

/**
 * Opens an embedded database folder ("memory://" for one in memory). Every open passes the
 * extensions the migrations created: PGlite loads contrib modules only when told at open, and
 * without btree_gist every insert into appointments fails (the exclusion constraint needs it).
 * The app, the command-line tools and the tests all open PGlite through here. `loadDataDir` starts
 * from a dump (the unit tests' migrated template, tests/support/pglite-template.ts).
 */
export function openPglite(dir: string, options: { loadDataDir?: Blob } = {}): PGlite {
  return new PGlite(dir, { extensions: { btree_gist }, ...options });
}

import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";

/**
 * PostgreSQL's shared buffers inside PGlite. PGlite keeps PostgreSQL's default, 128 MB, in its
 * WebAssembly memory, which is touched at start and never given back (WebAssembly memory only
 * grows): opening a folder alone cost ~300 MiB of RSS, ~175 MiB with 16 MB. The data folder is
 * read through the operating system, whose page cache (not counted in the process's RSS) keeps what
 * the smaller buffer pool drops. Measured in docs/benchmarks.md (« Memory of the embedded default »).
 */
export const PGLITE_SHARED_BUFFERS = "32MB";

/**
 * Opens an embedded database folder ("memory://" for one in memory). Every open passes the
 * extensions the migrations created: PGlite loads contrib modules only when told at open, and
 * without btree_gist every insert into appointments fails (the exclusion constraint needs it).
 * The app, the command-line tools and the tests all open PGlite through here. `loadDataDir` starts
 * from a dump (the unit tests' migrated template, tests/support/pglite-template.ts).
 */
export function openPglite(dir: string, options: { loadDataDir?: Blob } = {}): PGlite {
  return new PGlite(dir, {
    extensions: { btree_gist },
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    ...options,
  });
}

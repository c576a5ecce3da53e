import { describe, expect, it } from "vitest";
import { openPglite, PGLITE_SHARED_BUFFERS } from "./pglite";

describe("openPglite", () => {
  it("keeps PostgreSQL's shared buffers small: WebAssembly memory is never given back", async () => {
    const db = openPglite("memory://");
    const result = await db.query<{ shared_buffers: string }>("SHOW shared_buffers");
    expect(result.rows[0]!.shared_buffers).toBe(PGLITE_SHARED_BUFFERS);
    expect(PGLITE_SHARED_BUFFERS).toBe("32MB");
    await db.close();
  });
});

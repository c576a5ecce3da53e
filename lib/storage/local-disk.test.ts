import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localDiskStore } from "./local-disk";

const root = await fs.mkdtemp(path.join(os.tmpdir(), "doctipro-store-"));
afterAll(() => fs.rm(root, { recursive: true, force: true }));

describe("local disk store", () => {
  const store = localDiskStore(root);

  it("writes, reads back and deletes an object, readable by the app's user only", async () => {
    const key = "signatures/0b5c2f4e-1111-4a4a-9e9e-123456789abc/6f1e.png";
    await store.put(key, Buffer.from("png bytes"), "image/png");
    expect((await store.get(key))?.toString()).toBe("png bytes");
    expect((await fs.stat(path.join(root, key))).mode & 0o777).toBe(0o600);
    expect(await fs.readdir(path.dirname(path.join(root, key)))).toEqual(["6f1e.png"]);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key);
  });

  it("writes through a temporary file renamed into place, and leaves none behind", async () => {
    await store.put("a/once.png", Buffer.from("1"), "image/png");
    await store.put("a/once.png", Buffer.from("2"), "image/png");
    expect((await store.get("a/once.png"))?.toString()).toBe("2");
    expect(await fs.readdir(path.join(root, "a"))).toEqual(["once.png"]);
  });

  it("refuses keys that could leave its folder or name something unexpected", async () => {
    for (const key of ["../etc/passwd", "a/../../b.png", "/abs.png", "A/upper.png", "no-extension", "a//b.png"]) {
      await expect(store.put(key, Buffer.from("x"), "image/png"), key).rejects.toThrow("invalid storage key");
      await expect(store.get(key), key).rejects.toThrow("invalid storage key");
    }
  });
});

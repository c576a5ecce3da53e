import { del, get, put } from "@vercel/blob";
import { assertValidKey, type ObjectStore } from "./object-store";

/**
 * Objects in a Vercel Blob store, uploaded as private blobs: their URLs need the store's token, and
 * the app never hands them out (a route handler streams the bytes after its guard).
 */
export function vercelBlobStore(token: string): ObjectStore {
  return {
    async put(key, bytes, contentType) {
      assertValidKey(key);
      await put(key, Buffer.from(bytes), { access: "private", contentType, addRandomSuffix: false, allowOverwrite: false, token });
    },
    async get(key) {
      assertValidKey(key);
      const result = await get(key, { access: "private", token, useCache: false });
      if (!result || result.statusCode !== 200) return null;
      return Buffer.from(await new Response(result.stream).arrayBuffer());
    },
    async delete(key) {
      assertValidKey(key);
      await del(key, { token });
    },
  };
}

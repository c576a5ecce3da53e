// What every storage backend offers: private objects under keys the app chose. No URL ever leaves
// this module; files reach a browser only through a route handler that checks who asks.

export interface ObjectStore {
  /** Writes an object. The app never reuses a key: a replaced file gets a new one. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none under this key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are built by the app (e.g. « signatures/<uuid>/<uuid>.png »): lower-case segments only, no « .. ». */
const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*\.[a-z0-9]+$/;

export function assertValidKey(key: string): void {
  if (!KEY.test(key) || key.length > 200) throw new Error("invalid storage key");
}

import "server-only";
import path from "node:path";
import { blobReadWriteToken, dataDir } from "@/config/env";
import { localDiskStore } from "./local-disk";
import type { ObjectStore } from "./object-store";
import { vercelBlobStore } from "./vercel-blob";

// The one way the app keeps uploaded files (docs/decisions/0008): Vercel Blob when
// BLOB_READ_WRITE_TOKEN is set, otherwise the « files » folder of the data directory.

export type { ObjectStore } from "./object-store";

export function objectStore(): ObjectStore {
  const token = blobReadWriteToken();
  return token ? vercelBlobStore(token) : localDiskStore(path.join(dataDir(), "files"));
}

import "server-only";

// The app's Drizzle client. db/client.ts holds the connection logic so command-line tools can use it
// without the server-only marker.
export { getDb } from "@/db/client";
export type { Database } from "@/db/client";

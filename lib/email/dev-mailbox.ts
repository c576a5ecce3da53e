import type { DevMailboxAudience } from "@/config/email";
import { isLoopbackClient } from "@/lib/http/client-ip";

/**
 * Whether /dev/mailbox answers this request. `socketIp` and `forwardedMark` are what server.ts
 * wrote from the connection (SOCKET_IP_HEADER, FORWARDED_MARK_HEADER).
 */
export function devMailboxOpenTo(audience: DevMailboxAudience, client: { socketIp: string | null; forwardedMark: string | null }): boolean {
  switch (audience) {
    case "anyone":
      return true;
    case "loopback":
      return isLoopbackClient(client.socketIp, client.forwardedMark);
    case "nobody":
      return false;
  }
}

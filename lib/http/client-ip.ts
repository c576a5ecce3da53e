import { BlockList, isIP } from "node:net";

/** Header the custom server (server.ts) sets from the TCP socket, overwriting any client value. */
export const SOCKET_IP_HEADER = "x-doctipro-socket-ip";

function normalise(ip: string): string {
  const trimmed = ip.trim().replace(/^\[|\]$/g, "");
  // IPv4 clients on a dual-stack socket appear as ::ffff:a.b.c.d.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed.toLowerCase();
}

/**
 * TRUSTED_PROXY lists the reverse proxies whose X-Forwarded-For is believed: comma-separated
 * addresses or CIDR ranges, or "loopback". Unset: X-Forwarded-For is ignored entirely, since any
 * client can write it.
 */
export function parseTrustedProxies(setting: string | undefined): BlockList | null {
  if (!setting) return null;
  const list = new BlockList();
  for (const raw of setting.split(",").map((s) => s.trim()).filter(Boolean)) {
    if (raw === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      continue;
    }
    const [addr, bits] = raw.split("/");
    const family = isIP(normalise(addr ?? ""));
    if (!family) continue;
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(normalise(addr!), type);
    else list.addSubnet(normalise(addr!), Number(bits), type);
  }
  return list;
}

function isTrusted(list: BlockList, ip: string): boolean {
  const family = isIP(ip);
  if (!family) return false;
  return list.check(ip, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's, or, when the socket is a trusted proxy, the right-most
 * X-Forwarded-For entry that is not itself a trusted proxy (entries further left are client-written).
 */
export function clientIp(socketIp: string | null, forwardedFor: string | null, trusted: BlockList | null): string {
  const socket = socketIp ? normalise(socketIp) : "";
  if (!socket || !isIP(socket)) return "inconnue";
  if (!trusted || !forwardedFor || !isTrusted(trusted, socket)) return socket;
  const hops = forwardedFor.split(",").map(normalise).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return socket;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return hops[0] && isIP(hops[0]) ? hops[0] : socket;
}

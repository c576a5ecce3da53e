import { BlockList, isIP } from "node:net";

/** Header the custom server (server.ts) sets from the TCP socket, overwriting any client value. */
export const SOCKET_IP_HEADER = "x-doctipro-socket-ip";

/**
 * Header server.ts sets to "1" when the request arrived with a proxy's forwarding header, "0"
 * otherwise, overwriting any client value. It must be read there: Next adds an X-Forwarded-For of
 * its own to every request it handles, so later the app can no longer tell.
 */
export const FORWARDED_MARK_HEADER = "x-doctipro-forwarded";

/** Headers by which a proxy says it passes on someone else's request. */
const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-real-ip"] as const;

/** Whether a request, as it came off the socket, carries a forwarding header. */
export function carriesForwarding(headers: Record<string, string | string[] | undefined>): boolean {
  return FORWARDING_HEADERS.some((name) => headers[name] !== undefined);
}

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
  for (const raw of setting
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
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

/** The eight 16-bit groups of an IPv6 address (with "::" and a trailing dotted quad expanded). */
function ipv6Groups(ip: string): number[] | null {
  let text = ip.toLowerCase().split("%")[0]!;
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (part: string) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail ?? "");
  const groups = tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/**
 * The network a client address belongs to, for limits one person could dodge by changing address
 * inside it: the /24 of an IPv4 address, the /64 of an IPv6 one (what a single line or host is
 * given). Anything that is not an address is its own network.
 */
export function clientNetwork(ip: string): string {
  const address = normalise(ip);
  const family = isIP(address);
  if (family === 4) return `${address.split(".").slice(0, 3).join(".")}.0/24`;
  if (family === 6) {
    const groups = ipv6Groups(address);
    if (groups)
      return `${groups
        .slice(0, 4)
        .map((g) => g.toString(16))
        .join(":")}::/64`;
  }
  return address;
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/**
 * A request made on this very machine: its socket is a loopback address and no proxy said it passes
 * the request on (a reverse proxy on the same host connects from loopback too). Fails closed: no
 * mark (a server other than server.ts) is not loopback.
 */
export function isLoopbackClient(socketIp: string | null, forwardedMark: string | null): boolean {
  if (forwardedMark !== "0" || !socketIp) return false;
  const ip = normalise(socketIp);
  return isTrusted(LOOPBACK, ip);
}

import { describe, expect, it } from "vitest";
import { clientIp, clientNetwork, parseTrustedProxies } from "./client-ip";

describe("clientIp", () => {
  it("uses the socket address and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientIp("203.0.113.7", "198.51.100.1", null)).toBe("203.0.113.7");
  });

  it("unwraps IPv4-mapped IPv6 socket addresses", () => {
    expect(clientIp("::ffff:192.0.2.10", null, null)).toBe("192.0.2.10");
  });

  it("ignores X-Forwarded-For sent by a socket that is not a trusted proxy", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8");
    expect(clientIp("203.0.113.7", "198.51.100.1", trusted)).toBe("203.0.113.7");
  });

  it("takes the right-most untrusted hop behind trusted proxies", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 192.168.1.1");
    // The client wrote "1.2.3.4" itself; the proxies appended the real address.
    expect(clientIp("10.0.0.2", "1.2.3.4, 198.51.100.9, 192.168.1.1", trusted)).toBe("198.51.100.9");
  });

  it("understands the loopback keyword and IPv6", () => {
    const trusted = parseTrustedProxies("loopback");
    expect(clientIp("::1", "2001:db8::5", trusted)).toBe("2001:db8::5");
    expect(clientIp("127.0.0.1", "198.51.100.3", trusted)).toBe("198.51.100.3");
  });

  it("falls back to the socket when a hop is not an address", () => {
    const trusted = parseTrustedProxies("loopback");
    expect(clientIp("127.0.0.1", "<script>, evil", trusted)).toBe("127.0.0.1");
  });

  it("never returns an empty address", () => {
    expect(clientIp(null, null, null)).toBe("inconnue");
    expect(clientIp("garbage", null, null)).toBe("inconnue");
  });
});

describe("clientNetwork", () => {
  it("groups IPv4 clients by /24", () => {
    expect(clientNetwork("203.0.113.7")).toBe("203.0.113.0/24");
    expect(clientNetwork("203.0.113.250")).toBe("203.0.113.0/24");
    expect(clientNetwork("::ffff:203.0.113.9")).toBe("203.0.113.0/24");
    expect(clientNetwork("203.0.114.7")).not.toBe(clientNetwork("203.0.113.7"));
  });

  it("groups IPv6 clients by /64, however the address is written", () => {
    expect(clientNetwork("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientNetwork("[2001:db8:0:0:1::2]")).toBe("2001:db8:0:0::/64");
    expect(clientNetwork("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
    expect(clientNetwork("2001:db8:1:3::1")).not.toBe(clientNetwork("2001:db8:1:2::1"));
  });

  it("keeps what is not an address as it is", () => {
    expect(clientNetwork("inconnue")).toBe("inconnue");
  });
});

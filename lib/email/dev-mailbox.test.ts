import { describe, expect, it } from "vitest";
import { carriesForwarding } from "@/lib/http/client-ip";
import { devMailboxOpenTo } from "./dev-mailbox";

// server.ts writes the socket's address and whether a forwarding header came with the request
// (FORWARDED_MARK_HEADER): these are what the mailbox page decides on.
const direct = (socketIp: string | null) => ({ socketIp, forwardedMark: "0" });
const forwarded = (socketIp: string) => ({ socketIp, forwardedMark: "1" });

describe("devMailboxOpenTo", () => {
  it("by default, answers a browser on the server's own machine", () => {
    for (const ip of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) expect(devMailboxOpenTo("loopback", direct(ip))).toBe(true);
  });

  it("by default, refuses any other machine, on the local network or not", () => {
    for (const ip of ["192.168.1.20", "10.0.0.5", "203.0.113.7", "2001:db8::1", "::ffff:192.168.1.20", "0.0.0.0", "::"])
      expect(devMailboxOpenTo("loopback", direct(ip))).toBe(false);
  });

  it("by default, refuses what a reverse proxy on the same machine passes on", () => {
    expect(devMailboxOpenTo("loopback", forwarded("127.0.0.1"))).toBe(false);
    expect(devMailboxOpenTo("loopback", forwarded("::1"))).toBe(false);
  });

  it("fails closed when the server did not say where the request came from", () => {
    expect(devMailboxOpenTo("loopback", direct(null))).toBe(false);
    expect(devMailboxOpenTo("loopback", { socketIp: "127.0.0.1", forwardedMark: null })).toBe(false);
    expect(devMailboxOpenTo("loopback", { socketIp: "127.0.0.1", forwardedMark: "" })).toBe(false);
  });

  it("DEV_MAILBOX=1 opens it to anyone; a real sender closes it to everyone", () => {
    expect(devMailboxOpenTo("anyone", forwarded("203.0.113.7"))).toBe(true);
    expect(devMailboxOpenTo("nobody", direct("127.0.0.1"))).toBe(false);
  });
});

describe("carriesForwarding (read by server.ts before Next adds an X-Forwarded-For of its own)", () => {
  it("notices each header a proxy passes a request on with, even empty", () => {
    expect(carriesForwarding({ host: "localhost" })).toBe(false);
    expect(carriesForwarding({ "x-forwarded-for": "203.0.113.7" })).toBe(true);
    expect(carriesForwarding({ forwarded: "for=203.0.113.7" })).toBe(true);
    expect(carriesForwarding({ "x-real-ip": "203.0.113.7" })).toBe(true);
    expect(carriesForwarding({ "x-forwarded-for": "" })).toBe(true);
  });
});

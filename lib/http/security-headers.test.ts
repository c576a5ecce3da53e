import { describe, expect, it } from "vitest";
import { contentSecurityPolicyFor, IMAGE_POLICY } from "./security-headers";

const directives = (csp: string) => csp.split(";").map((d) => d.trim());

describe("contentSecurityPolicyFor", () => {
  it("gives pages the strict policy, with the nonce and « object-src 'none' »", () => {
    const csp = contentSecurityPolicyFor("/patients/abc", "n0nce", "dev");
    expect(csp).toContain("'nonce-n0nce'");
    expect(csp).toContain("object-src 'none'");
  });

  it("upgrades stray http:// addresses on a production build served over HTTPS only", () => {
    expect(directives(contentSecurityPolicyFor("/patients/abc", "n", "https"))).toContain("upgrade-insecure-requests");
    // Over plain HTTP on a LAN (AUTH_INSECURE_COOKIES=1) the upgrade would break every page.
    expect(contentSecurityPolicyFor("/patients/abc", "n", "plain-http")).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicyFor("/patients/abc", "n", "dev")).not.toContain("upgrade-insecure-requests");
  });

  it("gives a document's PDF only « frame-ancestors 'none' », which Chrome's viewer accepts", () => {
    expect(contentSecurityPolicyFor("/documents/5d0c1a4e-0000-4000-8000-000000000000/pdf", "n", "dev")).toBe("frame-ancestors 'none'");
    for (const path of ["/documents/x/pdf/more", "/documents/pdf", "/x/documents/a/pdf"])
      expect(contentSecurityPolicyFor(path, "n", "dev")).toContain("object-src 'none'");
  });

  it("gives the signature image the image policy: sandboxed, loading nothing, never framed", () => {
    for (const mode of ["dev", "https", "plain-http"] as const) expect(contentSecurityPolicyFor("/profile/signature", "n", mode)).toBe(IMAGE_POLICY);
    expect(directives(IMAGE_POLICY)).toEqual(expect.arrayContaining(["default-src 'none'", "sandbox", "frame-ancestors 'none'"]));
    expect(contentSecurityPolicyFor("/profile", "n", "https")).not.toBe(IMAGE_POLICY);
  });
});

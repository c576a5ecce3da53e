import { describe, expect, it } from "vitest";
import { contentSecurityPolicyFor } from "./security-headers";

describe("contentSecurityPolicyFor", () => {
  it("gives pages the strict policy, with the nonce and « object-src 'none' »", () => {
    const csp = contentSecurityPolicyFor("/patients/abc", "n0nce", false);
    expect(csp).toContain("'nonce-n0nce'");
    expect(csp).toContain("object-src 'none'");
  });

  it("gives a document's PDF only « frame-ancestors 'none' », which Chrome's viewer accepts", () => {
    expect(contentSecurityPolicyFor("/documents/5d0c1a4e-0000-4000-8000-000000000000/pdf", "n", false)).toBe("frame-ancestors 'none'");
    for (const path of ["/documents/x/pdf/more", "/documents/pdf", "/x/documents/a/pdf"]) expect(contentSecurityPolicyFor(path, "n", false)).toContain("object-src 'none'");
  });
});

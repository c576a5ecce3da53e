import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { pdfResponse } from "./pdf-response";

const request = (query = "") => new NextRequest(`http://localhost/documents/x/pdf${query}`);

describe("pdfResponse", () => {
  it("answers a missing or forbidden document with the same private 404", async () => {
    const response = pdfResponse(request(), null);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Document introuvable.");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("shows the PDF inline, or as a download with « ?telecharger », never cached or sniffed", async () => {
    const file = { bytes: Buffer.from("%PDF-1.7"), filename: "ordonnance-2026-000001.pdf" };
    const shown = pdfResponse(request(), file);
    expect(shown.headers.get("content-type")).toBe("application/pdf");
    expect(shown.headers.get("content-disposition")).toBe('inline; filename="ordonnance-2026-000001.pdf"');
    expect(shown.headers.get("x-content-type-options")).toBe("nosniff");
    expect(shown.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(new TextDecoder().decode(await shown.arrayBuffer())).toBe("%PDF-1.7");
    expect(pdfResponse(request("?telecharger"), file).headers.get("content-disposition")).toMatch(/^attachment;/);
  });
});

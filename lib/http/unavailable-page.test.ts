import { describe, expect, it } from "vitest";
import { staticSecurityHeaders } from "./security-headers";
import { answerUnavailableOnFailure, RETRY_AFTER_SECONDS, UNAVAILABLE_HTML, unavailableHeaders } from "./unavailable-page";

describe("unavailableHeaders (the 503 server.ts answers while PostgreSQL is down)", () => {
  it("carries every static security header the app's pages carry", () => {
    for (const json of [false, true]) {
      const headers = unavailableHeaders(json);
      for (const { key, value } of staticSecurityHeaders()) expect(headers[key], key).toBe(value);
      expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["Permissions-Policy"]).toContain("camera=()");
    }
  });

  it("keeps its own strict policy, no cache and the retry delay", () => {
    const html = unavailableHeaders(false);
    expect(html["Content-Security-Policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    expect(html).toMatchObject({
      "Cache-Control": "no-store",
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Content-Type": "text/html; charset=utf-8",
    });
    expect(unavailableHeaders(true)["Content-Type"]).toBe("application/json; charset=utf-8");
  });
});

describe("answerUnavailableOnFailure (a request inside the app when the database goes away)", () => {
  async function serve(handler: (res: import("node:http").ServerResponse) => void, down: boolean) {
    const { createServer } = await import("node:http");
    const server = createServer((_req, res) => {
      answerUnavailableOnFailure(res, () => down, false);
      handler(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as import("node:net").AddressInfo;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      return { status: response.status, body: await response.text(), type: response.headers.get("content-type") };
    } finally {
      server.close();
    }
  }

  it("answers the French 503 page, whole, for a failure before the first byte", async () => {
    const answer = await serve((res) => {
      res.statusCode = 500;
      res.setHeader("Content-Type", "text/html");
      res.write("<h1>Internal Server Error</h1>");
      res.end("<p>half</p>");
    }, true);
    expect(answer.status).toBe(503);
    expect(answer.body).toBe(UNAVAILABLE_HTML);
    expect(answer.body).toContain("momentanément indisponible");
    expect(answer.type).toBe("text/html; charset=utf-8");
  });

  it("leaves a 500 alone while the database is up, and a page that has started streaming", async () => {
    expect((await serve((res) => void res.writeHead(500).end("bug"), false)).status).toBe(500);
    const streaming = await serve((res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.write("<html>");
      res.end("</html>");
    }, true);
    expect(streaming).toMatchObject({ status: 200, body: "<html></html>" });
  });
});

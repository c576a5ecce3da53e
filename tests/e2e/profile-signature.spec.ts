import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { SIGNATURE_MAX_BYTES, SIGNATURE_MESSAGES } from "@/lib/signature/rules";
import {
  animatedGif,
  animatedPng,
  decompressionBombPng,
  htmlPage,
  opaqueSignatureJpeg,
  pdfDocument,
  pngOfSize,
  svgSignature,
  transparentSignaturePng,
  truncatedPng,
} from "@/tests/support/signature-images";
import { FIXTURES } from "./fixtures/accounts";
import { card, profilePage } from "./support/profile";

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
  const signature = card(page, "Signature");
  await signature.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
  await expect(signature.getByTestId("chosen-file")).toHaveText(name);
  await signature.getByRole("button", { name: "Téléverser" }).click();
}

/** A POST whose body is sent chunked (Transfer-Encoding: chunked, no Content-Length), as a stream would be. */
function postChunked(url: string, cookie: string, size: number): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", headers: { Cookie: cookie, "Content-Type": "image/png", "Transfer-Encoding": "chunked" } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (part: string) => (body += part));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, contentType: response.headers["content-type"] ?? "", body }));
      },
    );
    request.on("error", reject);
    const chunk = Buffer.alloc(64 * 1024, 7);
    const write = (sent: number): void => {
      if (sent >= size) return void request.end();
      if (request.write(chunk)) write(sent + chunk.length);
      else request.once("drain", () => write(sent + chunk.length));
    };
    write(0);
  });
}

test("each refused upload says why, next to the file, and stores nothing", async ({ browser, baseURL }) => {
  const page = await profilePage(browser, baseURL, FIXTURES.profileRefusals.email);
  const signature = card(page, "Signature");
  const cases: [name: string, mime: string, bytes: Buffer, message: string | RegExp][] = [
    ["signature.png", "image/png", await pngOfSize(SIGNATURE_MAX_BYTES + 1), SIGNATURE_MESSAGES.tooLarge],
    ["signature.svg", "image/svg+xml", svgSignature(), SIGNATURE_MESSAGES.svg],
    ["signature.png", "image/png", htmlPage(), SIGNATURE_MESSAGES.text],
    ["signature.png", "image/png", pdfDocument(), SIGNATURE_MESSAGES.pdf],
    ["signature.png", "image/png", await truncatedPng(), SIGNATURE_MESSAGES.damaged],
    [
      "bombe.png",
      "image/png",
      decompressionBombPng(),
      "L'image mesure 20\u202f000 × 20\u202f000 pixels : 3\u202f000 × 3\u202f000 au plus. Réduisez-la avant de la téléverser.",
    ],
    ["animee.png", "image/png", await animatedPng(), SIGNATURE_MESSAGES.animated],
    ["animee.gif", "image/gif", await animatedGif(), SIGNATURE_MESSAGES.gif],
    ["vide.png", "image/png", Buffer.alloc(0), SIGNATURE_MESSAGES.empty],
  ];
  for (const [name, mime, bytes, message] of cases) {
    await upload(page, name, mime, bytes);
    const error = signature.getByRole("alert");
    await expect(error, name).toHaveText(message);
    // The message is tied to the file field for screen readers.
    await expect(signature.locator('input[type="file"]')).toHaveAttribute("aria-invalid", "true");
  }
  await page.reload();
  await expect(signature.getByText("Aucune signature enregistrée.")).toBeVisible();
  await expect(signature.getByTestId("signature-preview")).toHaveCount(0);
  expect((await page.request.get("/profile/signature", { maxRedirects: 0 })).status()).toBe(404);
  await page.context().close();
});

test("the server refuses an oversized or disguised upload on its own, whatever the page checked", async ({ browser, baseURL }) => {
  const page = await profilePage(browser, baseURL, FIXTURES.profileRefusals.email);
  const post = (data: Buffer) => page.request.post("/profile/signature", { data, headers: { "Content-Type": "image/png" }, maxRedirects: 0 });
  const TOO_LARGE = { status: "error", fieldErrors: { file: SIGNATURE_MESSAGES.tooLarge } };
  // Just over 2 MB (the route refuses it) and far over (the proxy does, from the declared length).
  for (const bytes of [await pngOfSize(SIGNATURE_MAX_BYTES + 1), Buffer.alloc(3 * 1024 * 1024, 7)]) {
    const tooBig = await post(bytes);
    expect(tooBig.status()).toBe(413);
    expect(await tooBig.json()).toEqual(TOO_LARGE);
  }
  // Sent chunked, with no length to refuse it by: the same answer once 2 MB have come in.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const chunked = await postChunked(new URL("/profile/signature", baseURL).href, cookie, 3 * 1024 * 1024);
  expect(chunked.status).toBe(413);
  expect(chunked.contentType).toContain("application/json");
  expect(JSON.parse(chunked.body)).toEqual(TOO_LARGE);
  const disguised = await post(htmlPage());
  expect(disguised.status()).toBe(422);
  expect((await disguised.json()).fieldErrors.file).toBe(SIGNATURE_MESSAGES.text);
  // Another site's page cannot upload through the doctor's browser.
  const crossSite = await page.request.post("/profile/signature", {
    data: await transparentSignaturePng(),
    headers: { "Sec-Fetch-Site": "cross-site" },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  expect((await page.request.get("/profile/signature", { maxRedirects: 0 })).status()).toBe(404);
  await page.context().close();
});

test("upload a signature, see it, show it on documents, replace it with a JPEG flagged opaque, delete it", async ({ browser, baseURL }) => {
  const page = await profilePage(browser, baseURL, FIXTURES.profileSignature.email);
  const signature = card(page, "Signature");
  await expect(signature.getByLabel("Afficher sur les documents")).toBeDisabled();
  await expect(signature.getByRole("button", { name: "Téléverser" })).toBeDisabled();
  await expect(signature.getByText("Choisir un fichier")).toBeVisible();

  await upload(page, "ma-signature.png", "image/png", await transparentSignaturePng());
  await expect(signature.getByText("Signature enregistrée.", { exact: true })).toBeVisible();
  const preview = signature.getByTestId("signature-preview");
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(600);
  await expect(signature.getByText("600 × 200 pixels · fond transparent")).toBeVisible();

  // Served by the guarded route only: a fresh PNG, never cached, without the uploaded metadata.
  const src = (await preview.getAttribute("src"))!;
  expect(src).toMatch(/^\/profile\/signature\?v=\d+$/);
  const served = await page.request.get(src);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["cache-control"]).toContain("no-store");
  // Opened on its own, the image is a sandboxed document that loads and runs nothing: the route's
  // policy, not the pages' one the proxy would give it.
  expect(served.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
  const meta = await sharp(await served.body()).metadata();
  expect(meta).toMatchObject({ format: "png", width: 600, height: 200, hasAlpha: true });
  expect(meta.exif).toBeUndefined();

  await signature.getByLabel("Afficher sur les documents").check();
  await expect(signature.getByText("La signature figurera sur vos documents.")).toBeVisible();
  await page.reload();
  await expect(signature.getByLabel("Afficher sur les documents")).toBeChecked();

  await upload(page, "scan.jpg", "image/jpeg", await opaqueSignatureJpeg());
  await expect(signature.getByText(/Signature enregistrée\. Attention : son fond est opaque/)).toBeVisible();
  await expect(signature.getByText("600 × 200 pixels · fond opaque : la signature masquera ce qui se trouve dessous")).toBeVisible();
  await expect(signature.getByTestId("signature-preview")).not.toHaveAttribute("src", src);
  const replaced = await page.request.get((await signature.getByTestId("signature-preview").getAttribute("src"))!);
  expect((await sharp(await replaced.body()).metadata()).format).toBe("png");
  await expect(signature.getByLabel("Afficher sur les documents")).toBeChecked();

  await signature.getByRole("button", { name: "Supprimer la signature" }).click();
  await expect(signature.getByText("Signature supprimée.")).toBeVisible();
  await expect(signature.getByText("Aucune signature enregistrée.")).toBeVisible();
  await expect(signature.getByLabel("Afficher sur les documents")).not.toBeChecked();
  expect((await page.request.get("/profile/signature", { maxRedirects: 0 })).status()).toBe(404);
  await page.context().close();
});

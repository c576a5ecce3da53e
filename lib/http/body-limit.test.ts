import { describe, expect, it } from "vitest";
import { SIGNATURE_MESSAGES } from "@/lib/signature/rules";
import { ACTION_BODY_LIMIT, isOversizedBody, OVERSIZED_BODY_REFUSAL, oversizedBodyAnswer, readBodyAtMost } from "./body-limit";

describe("isOversizedBody", () => {
  it("lets a form of up to 1 MB through, and refuses a larger one", () => {
    expect(isOversizedBody("/profile", String(ACTION_BODY_LIMIT))).toBe(false);
    expect(isOversizedBody("/profile", String(ACTION_BODY_LIMIT + 1))).toBe(true);
    expect(isOversizedBody("/doctor_home", "5000000")).toBe(true);
  });

  it("gives the signature upload its own 2 MB limit", () => {
    expect(isOversizedBody("/profile/signature", String(2 * 1024 * 1024))).toBe(false);
    expect(isOversizedBody("/profile/signature", String(3 * 1024 * 1024))).toBe(true);
  });

  it("leaves a body without a length to the handler, and refuses a nonsense length", () => {
    expect(isOversizedBody("/profile", null)).toBe(false);
    expect(isOversizedBody("/profile", "abc")).toBe(true);
  });
});

describe("readBodyAtMost (a chunked upload: no Content-Length to refuse it by)", () => {
  const LIMIT = 2 * 1024 * 1024;
  const CHUNK = 64 * 1024;

  /** A chunked body of `size` bytes; `onCancel` is what the transport does when reading stops. */
  function chunked(size: number, { onCancel, failAfter }: { onCancel?: () => void; failAfter?: number } = {}) {
    let sent = 0;
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (failAfter !== undefined && sent >= failAfter) return controller.error(new Error("connection reset"));
        if (sent >= size) return controller.close();
        const n = Math.min(CHUNK, size - sent);
        sent += n;
        pulled += n;
        controller.enqueue(new Uint8Array(n).fill(7));
      },
      cancel: onCancel,
    });
    return { stream, pulled: () => pulled };
  }

  it("gives back a body of up to the limit, byte for byte", async () => {
    const result = await readBodyAtMost(chunked(LIMIT).stream, LIMIT);
    expect(result.kind).toBe("done");
    if (result.kind === "done") expect(Buffer.from(result.bytes).equals(Buffer.alloc(LIMIT, 7))).toBe(true);
    expect(await readBodyAtMost(null, LIMIT)).toEqual({ kind: "done", bytes: new Uint8Array() });
  });

  it("says « too large » one chunk past the limit, without reading the rest", async () => {
    const body = chunked(50 * LIMIT);
    expect(await readBodyAtMost(body.stream, LIMIT)).toEqual({ kind: "too-large" });
    expect(body.pulled()).toBeLessThanOrEqual(LIMIT + 2 * CHUNK);
  });

  it("still says « too large » when the transport fails to stop (it threw: a bare 500)", async () => {
    const body = chunked(3 * 1024 * 1024, {
      onCancel: () => {
        throw new Error("stream cannot be cancelled");
      },
    });
    expect(await readBodyAtMost(body.stream, LIMIT)).toEqual({ kind: "too-large" });
  });

  it("still says « too large » when the connection fails once the limit is passed", async () => {
    const body = chunked(3 * 1024 * 1024, { failAfter: LIMIT + CHUNK });
    expect(await readBodyAtMost(body.stream, LIMIT)).toEqual({ kind: "too-large" });
  });
});

describe("oversizedBodyAnswer", () => {
  it("answers the signature upload in the JSON its page reads, with the file's French message", () => {
    const answer = oversizedBodyAnswer("/profile/signature");
    expect(answer.contentType).toBe("application/json");
    expect(JSON.parse(answer.body)).toEqual({ status: "error", fieldErrors: { file: SIGNATURE_MESSAGES.tooLarge } });
    expect(oversizedBodyAnswer("/profile")).toEqual({ contentType: "text/plain; charset=utf-8", body: OVERSIZED_BODY_REFUSAL });
  });
});

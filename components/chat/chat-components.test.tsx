// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ChatMessageView, SendResult } from "@/lib/chat/limits";
import { Composer } from "./composer";
import { MessageList } from "./message-list";
import { mergeById } from "./use-event-stream";

afterEach(cleanup);
beforeAll(() => {
  // jsdom has no layout: scrolling to the newest message is a no-op here.
  Element.prototype.scrollIntoView = vi.fn();
});

const message = (id: number, body: string, side: "user" | "support" = "user"): ChatMessageView => ({
  id,
  side,
  body,
  createdAt: "2026-11-26T10:00:00.000Z",
  readAt: null,
  waitedOffline: id === 1,
});

describe("MessageList", () => {
  it("shows HTML and Markdown as the characters typed, never as elements", () => {
    const hostile = "<script>alert(1)</script><img src=x onerror=alert(1)> [lien](javascript:alert(1))";
    const { container } = render(<MessageList messages={[message(1, hostile)]} mine="user" label="Conversation" emptyText="Vide" />);
    expect(screen.getByText(hostile)).toBeInTheDocument();
    expect(container.querySelectorAll("script, img, a")).toHaveLength(0);
  });

  it("marks messages left offline for support only, with the Luxembourg time", () => {
    const messages = [message(1, "Laissé"), { ...message(2, "Réponse", "support"), authorName: "Léa Support" }];
    render(<MessageList messages={messages} mine="support" detailed label="Conversation" emptyText="Vide" />);
    expect(screen.getByText("Laissé hors ligne")).toBeInTheDocument();
    expect(screen.getByText("Léa Support")).toBeInTheDocument();
    expect(screen.getAllByText("26/11/2026 11:00")).toHaveLength(2);
    cleanup();
    render(<MessageList messages={messages} mine="user" label="Conversation" emptyText="Vide" />);
    expect(screen.queryByText("Laissé hors ligne")).toBeNull();
    expect(screen.queryByText("Léa Support")).toBeNull();
    expect(screen.getByText("Support Doctipro")).toBeInTheDocument();
  });
});

describe("Composer", () => {
  it("counts characters, shows the server's refusal and keeps the text", async () => {
    const send = vi.fn(async (): Promise<SendResult> => ({ ok: false, error: "Un message ne peut pas dépasser 4\u202f000 caractères." }));
    const { container } = render(<Composer label="Message" submitLabel="Envoyer" send={send} />);
    const box = screen.getByLabelText("Message");
    fireEvent.change(box, { target: { value: "x".repeat(4001) } });
    const counter = container.querySelector('[id$="-count"]');
    expect(counter).toHaveTextContent("4\u202f001 / 4\u202f000 caractères", { normalizeWhitespace: false });
    expect(counter).toHaveClass("text-red-700");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Envoyer" })));
    expect(send).toHaveBeenCalledWith("x".repeat(4001));
    expect(screen.getByRole("alert")).toHaveTextContent("Un message ne peut pas dépasser 4\u202f000 caractères.", { normalizeWhitespace: false });
    expect(box).toHaveValue("x".repeat(4001));
  });

  it("sends on Enter, keeps Shift+Enter for a new line, and empties the box once sent", async () => {
    const send = vi.fn(async (body: string): Promise<SendResult> => ({ ok: true, message: message(5, body) }));
    render(<Composer label="Message" submitLabel="Envoyer" send={send} />);
    const box = screen.getByLabelText("Message");
    fireEvent.change(box, { target: { value: "Bonjour" } });
    fireEvent.keyDown(box, { key: "Enter", shiftKey: true });
    expect(send).not.toHaveBeenCalled();
    // jsdom has no requestSubmit on forms in every version: submit is what Enter triggers.
    const form = box.closest("form")!;
    form.requestSubmit ??= () => fireEvent.submit(form);
    await act(async () => fireEvent.keyDown(box, { key: "Enter" }));
    await waitFor(() => expect(send).toHaveBeenCalledWith("Bonjour"));
    await waitFor(() => expect(box).toHaveValue(""));
  });
});

describe("mergeById", () => {
  it("adds messages once, in id order, whatever way they arrived", () => {
    const merged = mergeById([message(1, "a"), message(3, "c")], [message(2, "b"), message(3, "c"), message(4, "d")]);
    expect(merged.map((m) => m.id)).toEqual([1, 2, 3, 4]);
  });
});

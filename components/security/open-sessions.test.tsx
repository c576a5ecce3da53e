// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { OpenSessions, type OpenSession } from "./open-sessions";

afterEach(cleanup);
beforeAll(() => {
  // jsdom has <dialog> without its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});

const sessions: OpenSession[] = [
  { id: "a", device: "Firefox sur Linux", ip: "192.0.2.1", lastSeen: "7 déc.", current: true },
  { id: "b", device: "Chrome sur Android", ip: "192.0.2.2", lastSeen: "6 déc.", current: false },
  { id: "c", device: "Safari sur iPhone", ip: "192.0.2.3", lastSeen: "5 déc.", current: false },
];

describe("OpenSessions", () => {
  it("asks before ending the other sessions, saying how many will end; « Annuler » ends none", async () => {
    const revokeOthers = vi.fn(async () => ({ status: "success" as const, message: "2 autres sessions fermées." }));
    render(<OpenSessions sessions={sessions} revokeAction={vi.fn()} revokeOthersAction={revokeOthers} />);
    fireEvent.click(screen.getByRole("button", { name: "Déconnecter les autres sessions" }));
    const dialog = screen.getByRole("dialog", { name: "Déconnecter les autres sessions ?" });
    expect(dialog).toHaveAccessibleDescription(/2 autres sessions ouvertes seront fermées/);
    fireEvent.click(screen.getByRole("button", { name: "Annuler" }));
    expect(revokeOthers).not.toHaveBeenCalled();
    expect(dialog).not.toHaveAttribute("open");

    fireEvent.click(screen.getByRole("button", { name: "Déconnecter les autres sessions" }));
    await act(async () => fireEvent.click(screen.getAllByRole("button", { name: "Déconnecter les autres sessions" }).at(-1)!));
    expect(revokeOthers).toHaveBeenCalledTimes(1);
    expect(await screen.findByText("2 autres sessions fermées.")).toBeInTheDocument();
  });
});

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EnrolmentPanel } from "./enrolment-panel";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const codes = Array.from({ length: 10 }, (_, i) => `ABCD-EF${i}0`);

function setUp() {
  const onClose = vi.fn();
  const action = vi.fn(async () => ({ status: "success" as const, data: { recoveryCodes: codes } }));
  render(<EnrolmentPanel qrDataUrl="data:image/png;base64," secretGroups="ABCD EFGH" action={action} onClose={onClose} />);
  return { onClose, action };
}

describe("EnrolmentPanel", () => {
  it("offers « Annuler » before the code is confirmed, and « Terminer » once the codes are shown", async () => {
    const { onClose } = setUp();
    expect(screen.queryByRole("button", { name: "Terminer" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Annuler" }));
    expect(onClose).toHaveBeenCalledTimes(1);

    fireEvent.change(screen.getByLabelText("Code à 6 chiffres"), { target: { value: "123456" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Activer" })));
    expect(screen.getByRole("button", { name: "Terminer" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Annuler" })).toBeNull();
  });

  it("lets the recovery codes be printed and downloaded as text", async () => {
    setUp();
    fireEvent.change(screen.getByLabelText("Code à 6 chiffres"), { target: { value: "123456" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Activer" })));

    const print = vi.fn();
    vi.stubGlobal("print", print);
    fireEvent.click(screen.getByRole("button", { name: "Imprimer" }));
    expect(print).toHaveBeenCalledTimes(1);

    let blob: Blob | undefined;
    URL.createObjectURL = vi.fn((b: Blob) => ((blob = b), "blob:codes"));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole("button", { name: "Télécharger (.txt)" }));
    expect(click).toHaveBeenCalled();
    expect(blob!.type).toBe("text/plain;charset=utf-8");
    const text = await blob!.text();
    for (const code of codes) expect(text).toContain(code);
    vi.unstubAllGlobals();
  });
});

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TwoFactorEnabled } from "./two-factor-enabled";

afterEach(cleanup);

describe("TwoFactorEnabled", () => {
  it("counts the new recovery codes once they replace the old ones", async () => {
    const codes = Array.from({ length: 10 }, (_, i) => `ABCD-EF${i}0`);
    const regenerateAction = vi.fn(async () => ({ status: "success" as const, data: { recoveryCodes: codes } }));
    render(<TwoFactorEnabled remainingCodes={9} canDeactivate regenerateAction={regenerateAction} deactivateAction={vi.fn()} />);
    expect(screen.getByText(/Codes de secours inutilisés : 9\./)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("Mot de passe", { selector: "#regen-password" }), { target: { value: "un mot de passe" } });
    fireEvent.change(screen.getByLabelText("Code de l'application (6 chiffres)", { selector: "#regen-code" }), { target: { value: "123456" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Régénérer les codes de secours" })));
    expect(regenerateAction).toHaveBeenCalled();
    expect(screen.getByText(/Codes de secours inutilisés : 10\./)).toBeInTheDocument();
  });
});

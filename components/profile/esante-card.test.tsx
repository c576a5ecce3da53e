// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EsanteCard } from "./esante-card";

const idle = vi.fn(async () => ({ status: "idle" as const }));
afterEach(cleanup);

describe("EsanteCard", () => {
  it("without an eSanté provider configured, the button explains it instead of leaving", () => {
    render(<EsanteCard configured={false} link={null} connectAction={idle} disconnectAction={idle} supportEmail="info@doctipro.lu" />);
    expect(screen.getByText("eSanté non connecté")).toBeInTheDocument();
    const button = screen.getByRole("button", { name: "Connecter via LuxTrust" });
    expect(button.closest("form")).toBeNull();
    fireEvent.click(button);
    expect(screen.getByText(/La connexion eSanté n'est pas configurée sur cette installation de Doctipro/)).toBeInTheDocument();
    expect(button).toHaveAttribute("aria-describedby", "esante-not-configured");
    expect(idle).not.toHaveBeenCalled();
  });

  it("once linked, shows the identity and its date, and « Déconnecter »", () => {
    render(
      <EsanteCard
        configured
        link={{ name: "Dr Anne Weber", subject: "lt-123", since: "26/11/2026 08:15" }}
        connectAction={idle}
        disconnectAction={idle}
        supportEmail="info@doctipro.lu"
      />,
    );
    expect(screen.getByText("eSanté connecté")).toBeInTheDocument();
    expect(screen.getByText(/depuis le 26\/11\/2026 08:15/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Déconnecter" })).toBeInTheDocument();
    expect(screen.queryByText("eSanté non connecté")).toBeNull();
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { ConnectionHistoryPage } from "@/lib/dashboard/types";
import { ConnectionHistory } from "./connection-history";

const page: ConnectionHistoryPage = {
  mode: null,
  newerCursor: null,
  olderCursor: "bzEuMg",
  rows: [
    {
      id: "2",
      at: new Date("2026-07-14T06:05:00Z"),
      ip: "192.0.2.7",
      mode: "direct",
      secretaryName: null,
      browser: "Edge 131",
      os: "Windows 10",
      current: true,
    },
    {
      id: "1",
      at: new Date("2026-01-14T06:05:00Z"),
      ip: "192.0.2.8",
      mode: "secretary",
      secretaryName: "Sophie Muller",
      browser: "Firefox 133",
      os: "Windows 10",
      current: false,
    },
  ],
};

afterEach(cleanup);

describe("ConnectionHistory", () => {
  it("shows each connection in Luxembourg time with its mode in words, the current session marked", () => {
    render(<ConnectionHistory page={page} notices={[]} />);
    const [, direct, viaSecretary] = screen.getAllByRole("row");
    expect(direct).toHaveTextContent("14/07/2026 08:05");
    expect(direct).toHaveTextContent("Connexion directe");
    expect(direct).toHaveTextContent("Session en cours");
    expect(direct).toHaveTextContent("Edge 131 · Windows 10");
    expect(viaSecretary).toHaveTextContent("14/01/2026 07:05");
    expect(viaSecretary).toHaveTextContent("Via secrétariat");
    expect(viaSecretary).toHaveTextContent("Sophie Muller");
    expect(viaSecretary).not.toHaveTextContent("Session en cours");
    expect(within(screen.getByRole("list", { name: "Légende" })).getAllByRole("listitem")).toHaveLength(2);
  });

  it("links to older rows with the filter kept, and offers no newer page on the first", () => {
    render(<ConnectionHistory page={{ ...page, mode: "secretary" }} notices={[]} />);
    expect(screen.getByRole("link", { name: "Plus anciennes →" })).toHaveAttribute("href", "/dashboard?mode=secretariat&curseur=bzEuMg#historique");
    expect(screen.queryByRole("link", { name: "← Plus récentes" })).toBeNull();
    expect(screen.getByRole("link", { name: "Via secrétariat" })).toHaveAttribute("aria-current", "page");
  });

  it("explains a refused parameter and an empty filter", () => {
    render(<ConnectionHistory page={{ ...page, mode: "secretary", rows: [], olderCursor: null }} notices={["invalid-cursor"]} />);
    expect(screen.getByRole("status")).toHaveTextContent("Ce lien de pagination n'est pas valide");
    expect(screen.getByText(/Aucune connexion via secrétariat/)).toBeInTheDocument();
    expect(screen.queryByRole("table")).toBeNull();
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FormState } from "@/lib/forms/form-state";
import { DetailsAndStamp } from "./details-and-stamp";
import type { DetailsValues } from "./stamp-data";

afterEach(cleanup);

const initial: DetailsValues = {
  title: "Dr",
  firstName: "Paul",
  lastName: "Schmit",
  specialty: "",
  providerCode: "",
  street: "",
  postcode: "",
  locality: "",
  phone: "",
  fax: "",
  website: "",
};
const idle = vi.fn(async () => ({ status: "idle" }) as FormState);
const stampSvg = () => decodeURIComponent(screen.getByTestId("stamp-preview").getAttribute("src")!);

describe("DetailsAndStamp", () => {
  it("draws the stamp from the details as they are typed, as they will be saved", () => {
    render(<DetailsAndStamp initial={initial} saveAction={idle} stampShown={false} toggleAction={idle} />);
    expect(screen.getByLabelText("Prénom")).toHaveValue("Paul");
    fireEvent.change(screen.getByLabelText("Titre"), { target: { value: "Pr" } });
    fireEvent.change(screen.getByLabelText("Code prestataire"), { target: { value: "12345678" } });
    fireEvent.change(screen.getByLabelText("Code postal"), { target: { value: "l 1234" } });
    fireEvent.change(screen.getByLabelText("Localité"), { target: { value: "Esch-sur-Alzette" } });
    expect(stampSvg()).toContain(">Pr Paul Schmit</text>");
    expect(stampSvg()).toContain(">Code prestataire 123456-78</text>");
    expect(stampSvg()).toContain(">L-1234 Esch-sur-Alzette</text>");
    fireEvent.change(screen.getByLabelText("Code postal"), { target: { value: "L-12" } });
    expect(stampSvg()).toContain(">L-12 Esch-sur-Alzette</text>");
  });

  it("after a save, shows the details as stored and forgets the earlier messages", async () => {
    const { rerender } = render(<DetailsAndStamp initial={initial} saveAction={idle} stampShown={false} toggleAction={idle} />);
    const postcode = screen.getByLabelText("Code postal");
    fireEvent.change(postcode, { target: { value: "12" } });
    fireEvent.submit(postcode.closest("form")!);
    expect(await screen.findByText("Le code postal s'écrit L-NNNN (ex. L-1234).")).toBeInTheDocument();
    expect(screen.getByText("Indiquez la rue et le numéro du cabinet.")).toBeInTheDocument();
    expect(screen.getByText("Indiquez la localité.")).toBeInTheDocument();
    expect(screen.getByLabelText("Rue et numéro")).toHaveFocus();

    const stored = { ...initial, street: "12, rue de la Gare", postcode: "L-1234", locality: "Luxembourg" };
    rerender(<DetailsAndStamp initial={stored} saveAction={idle} stampShown={false} toggleAction={idle} />);
    await waitFor(() => expect(postcode).toHaveValue("L-1234"));
    expect(screen.getByLabelText("Rue et numéro")).toHaveValue("12, rue de la Gare");
    expect(screen.queryByText(/Le code postal s'écrit/)).toBeNull();
    expect(stampSvg()).toContain(">L-1234 Luxembourg</text>");
    // Back to before a first submit: typing is not checked until the next one.
    fireEvent.change(postcode, { target: { value: "12" } });
    await new Promise((r) => setTimeout(r, 50));
    expect(postcode).not.toHaveAttribute("aria-invalid");
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ScrollTable } from "./scroll-table";

afterEach(cleanup);

describe("ScrollTable", () => {
  it("says the list is empty in words instead of drawing an empty table", () => {
    render(
      <ScrollTable label="Avis" columns={["Date", "Note"]} empty="Aucun avis." rowCount={0}>
        {null}
      </ScrollTable>,
    );
    expect(screen.getByText("Aucun avis.")).toBeInTheDocument();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("names its focusable scrolling region and its column headers", () => {
    render(
      <ScrollTable label="Avis" columns={["Date", "Note"]} empty="Aucun avis." rowCount={1}>
        <tr>
          <td>1 mars</td>
          <td>5</td>
        </tr>
      </ScrollTable>,
    );
    const region = screen.getByRole("region", { name: "Avis (défile de côté)" });
    expect(region).toHaveAttribute("tabindex", "0");
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Date", "Note"]);
  });
});

import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Table, TableBody, TableCell, TableRow } from "./table.tsx";

const rows = (
  <TableBody>
    <TableRow>
      <TableCell>a</TableCell>
    </TableRow>
  </TableBody>
);

afterEach(cleanup);

describe("Table", () => {
  it("when a table may overflow then its scroll region is named and reachable by keyboard", () => {
    const { getByRole } = render(<Table scrollLabel="Risk checks">{rows}</Table>);
    const region = getByRole("region", { name: "Risk checks" });
    expect(region.tabIndex).toBe(0);
  });

  it("when no label is given then the wrapper is no tab stop and no landmark", () => {
    const { container, queryByRole } = render(<Table>{rows}</Table>);
    expect(queryByRole("region")).toBeNull();
    expect(container.firstElementChild?.getAttribute("tabindex")).toBeNull();
  });
});

import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ScopeMatrix } from "@/components/scope-matrix";

describe("ScopeMatrix", () => {
  it("offers only the permissions the role allows, ticked per grant, named for screen readers", async () => {
    render(
      <form aria-label="grants">
        <ScopeMatrix
          checked={["users.read"]}
          allowed={["users.read", "users.create", "payouts.read"]}
          labelSuffix="for ana@x.test"
        />
      </form>,
    );
    const boxes = screen.getAllByRole("checkbox");
    expect(boxes).toHaveLength(3);
    expect(screen.getByRole("checkbox", { name: "Users Read for ana@x.test" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Users Create for ana@x.test" })).not.toBeChecked();
    expect(screen.queryByRole("checkbox", { name: /Payouts Create/ })).toBeNull();
    await userEvent.click(screen.getByRole("checkbox", { name: "Payouts Read for ana@x.test" }));
    const data = new FormData(screen.getByRole("form", { name: "grants" }) as HTMLFormElement);
    expect(data.getAll("grants")).toEqual(["users.read", "payouts.read"]);
  });

  it("offers every permission when no role limit is given, and can be read-only", () => {
    render(<ScopeMatrix checked={[]} disabled />);
    const boxes = screen.getAllByRole("checkbox");
    expect(boxes).toHaveLength(63);
    expect(boxes.every((b) => (b as HTMLInputElement).disabled)).toBe(true);
  });
});

import { render, screen } from "@testing-library/react";
import { ScheduleSelect } from "@/app/(dashboard)/accounts/[accountId]/reports/_components/schedule-select";

describe("ScheduleSelect (new report form and a definition's schedule form)", () => {
  it("offers 'Not scheduled' then each schedule by its label, posted as `schedule`", () => {
    render(
      <form aria-label="f">
        <label htmlFor="s">Schedule</label>
        <ScheduleSelect id="s" defaultValue="" />
      </form>,
    );
    const select = screen.getByLabelText("Schedule");
    expect(select).toHaveAttribute("name", "schedule");
    expect(select).toHaveValue("");
    expect(screen.getAllByRole("option").map((o) => [o.getAttribute("value"), o.textContent])).toEqual([
      ["", "Not scheduled"],
      ["DAILY", "Daily (yesterday)"],
      ["WEEKLY", "Weekly (last Monday–Sunday)"],
      ["MONTHLY", "Monthly (last calendar month)"],
      ["QUARTERLY", "Quarterly (last calendar quarter)"],
    ]);
  });

  it("starts on the definition's current schedule", () => {
    render(
      <>
        <label htmlFor="s">Schedule</label>
        <ScheduleSelect id="s" defaultValue="WEEKLY" />
      </>,
    );
    expect(screen.getByLabelText("Schedule")).toHaveValue("WEEKLY");
  });
});

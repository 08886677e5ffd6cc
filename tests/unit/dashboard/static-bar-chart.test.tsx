import { render, screen, within } from "@testing-library/react";
import StaticBarChart, { niceAxis } from "@/components/charts/static-bar-chart";

describe("niceAxis", () => {
  it("rounds the top up to a multiple of a 1, 2 or 5 step, about four steps", () => {
    expect(niceAxis(1234)).toEqual({ top: 1500, step: 500 });
    expect(niceAxis(100)).toEqual({ top: 100, step: 50 });
    expect(niceAxis(7)).toEqual({ top: 8, step: 2 });
    expect(niceAxis(0)).toEqual({ top: 0, step: 0 });
  });
});

describe("StaticBarChart", () => {
  const points = [
    { label: "11-01", value: 12_50 },
    { label: "11-02", value: 0 },
    { label: "11-03", value: 50_00 },
  ];

  it("draws one bar per day, its height against the axis top, its value formatted in the currency", () => {
    const { container } = render(
      <StaticBarChart title="Fees per day in EUR over the last 3 days" currency="EUR" points={points} labelEvery={2} />,
    );
    const chart = screen.getByRole("img", { name: "Fees per day in EUR over the last 3 days" });
    // 50.00 EUR tops out a 0–50 axis (step 12.50 rounds to 20: top 60).
    expect(within(chart).getByText("€60")).toBeTruthy();
    expect(within(chart).getByText("€0")).toBeTruthy();
    const bars = container.querySelectorAll<HTMLElement>(".bar-chart-bar");
    expect([...bars].map((b) => b.style.height)).toEqual([`${(1250 / 6000) * 100}%`, "0%", `${(5000 / 6000) * 100}%`]);
    expect(within(chart).getByText("11-03: €50.00")).toBeTruthy();
    // Every second day labelled on the x axis; every value in the screen readers' table.
    expect(screen.getByText("11-01", { selector: "span" })).toBeTruthy();
    expect(screen.queryByText("11-02", { selector: "span" })).toBeNull();
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual(["11-01€12.50", "11-02€0.00", "11-03€50.00"]);
  });

  it("formats a zero-decimal currency and draws a negative day below the zero line", () => {
    const { container } = render(
      <StaticBarChart
        title="Fees per day in JPY"
        currency="JPY"
        points={[
          { label: "a", value: 800 },
          { label: "b", value: -300 },
        ]}
      />,
    );
    expect(screen.getByText("b: -JP¥300")).toBeTruthy();
    const [up, down] = [...container.querySelectorAll<HTMLElement>(".bar-chart-bar")];
    // Steps of 200 (800 / 4): the axis runs from -400 to 800.
    const percent = (v: string | undefined) => parseFloat(v ?? "NaN");
    expect(percent(up?.style.bottom)).toBeCloseTo((400 / 1200) * 100, 6);
    expect(percent(down?.style.bottom)).toBeCloseTo((100 / 1200) * 100, 6);
    expect(percent(down?.style.height)).toBeCloseTo((300 / 1200) * 100, 6);
  });
});

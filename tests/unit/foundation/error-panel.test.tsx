import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ErrorPanel } from "@/components/error-panel";

describe("ErrorPanel (error boundaries)", () => {
  it("shows the error id to quote, logs it in the console, and retries", async () => {
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const reset = jest.fn();
    const error = Object.assign(new Error("boom"), { digest: "2718281828" });
    render(<ErrorPanel error={error} reset={reset} backHref="/hub" />);
    expect(screen.getByRole("alert")).toHaveTextContent(
      "If it keeps happening, quote this id to your administrator: 2718281828",
    );
    expect(log).toHaveBeenCalledWith("[page error]", { errorId: "2718281828", message: "boom" });
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(reset).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("link", { name: "Back to the Hub" })).toHaveAttribute("href", "/hub");
    log.mockRestore();
  });

  it("says nothing about an id when the server sent none", () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(<ErrorPanel error={new Error("x")} reset={() => undefined} />);
    expect(screen.getByRole("alert")).not.toHaveTextContent("quote this id");
  });
});

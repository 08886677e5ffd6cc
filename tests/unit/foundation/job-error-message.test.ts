/** @jest-environment node */
import { jobErrorMessage } from "@/lib/services/jobs/overview";

describe("jobErrorMessage", () => {
  it("reads the message of each shape pg-boss stores a failure in", () => {
    expect(jobErrorMessage({ name: "Error", message: "MANGOPAY answered 503", stack: "…" })).toBe(
      "MANGOPAY answered 503",
    );
    expect(jobErrorMessage({ value: { message: "job failed by timeout in active state" } })).toBe(
      "job failed by timeout in active state",
    );
    expect(jobErrorMessage({ value: "pg-boss shut down while active" })).toBe("pg-boss shut down while active");
    expect(jobErrorMessage(null)).toBe("No error recorded");
    expect(jobErrorMessage({ code: 42 })).toBe('{"code":42}');
  });
});

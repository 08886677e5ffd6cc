import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CreateUserDialog } from "@/app/(dashboard)/accounts/[accountId]/users/_components/create-user-dialog";
import { createUserAction } from "@/app/(dashboard)/accounts/[accountId]/users/actions";
import { Toaster } from "@/components/toast";
import type { UserDTO } from "@/lib/services/users/dto";

// The server action is replaced: this checks what the member sees once it answered.
jest.mock("@/app/(dashboard)/accounts/[accountId]/users/actions", () => ({ createUserAction: jest.fn() }));
const action = jest.mocked(createUserAction);

// The action answers at once; the wait only absorbs a loaded machine (jsdom renders slowly then).
const WAIT = { timeout: 10_000 };

function renderPage() {
  render(
    <>
      <CreateUserDialog accountId="acc_1" />
      <Toaster />
    </>,
  );
}

async function fillAndSubmit(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "+ Add user" }));
  const dialog = screen.getByRole("dialog", { name: "Add a user" });
  await user.type(within(dialog).getByLabelText("First name"), "Ada");
  await user.type(within(dialog).getByLabelText("Last name"), "Lovelace");
  await user.type(within(dialog).getByLabelText("Email"), "ada@example.test");
  await user.click(within(dialog).getByRole("button", { name: "Create user" }));
  return dialog;
}

describe("a dashboard action's outcome (the add-user dialog)", () => {
  beforeEach(() => action.mockReset());

  it("keeps a refusal in the dialog, beside its field, and shows no toast", async () => {
    action.mockResolvedValue({
      ok: false,
      code: "VALIDATION",
      error: "Please correct the highlighted fields.",
      fieldErrors: { email: ["Enter a valid email address"] },
    });
    const user = userEvent.setup();
    renderPage();
    const dialog = await fillAndSubmit(user);
    expect(await within(dialog).findByText("Enter a valid email address", {}, WAIT)).toBeVisible();
    expect(within(dialog).getByText("Please correct the highlighted fields.")).toBeVisible();
    expect(screen.queryByTestId("toast")).toBeNull();
    // The typed values survive the refusal.
    expect(within(dialog).getByLabelText("First name")).toHaveValue("Ada");
  });

  it("closes the dialog and announces the created user in the shared toast, linked, dismissible from the keyboard", async () => {
    action.mockResolvedValue({
      ok: true,
      // Only the fields the toast reads: the rest of the DTO plays no part here.
      data: { id: "user_42", name: "Ada Lovelace" } as UserDTO,
    });
    const user = userEvent.setup();
    renderPage();
    await fillAndSubmit(user);
    const toast = await screen.findByTestId("toast", {}, WAIT);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(toast).toHaveAttribute("role", "status");
    expect(screen.getByTestId("toaster")).toHaveAttribute("aria-live", "polite");
    expect(toast).toHaveTextContent("User Ada Lovelace created.");
    expect(within(toast).getByRole("link", { name: "Open user_42" })).toHaveAttribute(
      "href",
      "/accounts/acc_1/users/user_42",
    );
    within(toast).getByRole("button", { name: "Dismiss" }).focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByTestId("toast")).toBeNull(), WAIT);
  });
});

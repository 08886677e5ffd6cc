import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { signIn } from "next-auth/react";
import { SignInForm } from "@/app/(auth)/sign-in/sign-in-form";

jest.mock("next-auth/react", () => ({ signIn: jest.fn() }));
const signInMock = jest.mocked(signIn);

type SignInResponse = { error: string | null; ok: boolean; status: number; url: string | null };
const fail = (error: string): SignInResponse => ({ error, ok: false, status: 401, url: null });
const success: SignInResponse = { error: null, ok: true, status: 200, url: "/hub" };

async function submitPassword() {
  const user = userEvent.setup();
  render(<SignInForm callbackUrl="/hub" />);
  await user.type(screen.getByLabelText("Email"), "ada@example.test");
  await user.type(screen.getByLabelText("Password"), "correct horse battery");
  await user.click(screen.getByRole("button", { name: "Sign in" }));
  return user;
}

beforeEach(() => {
  signInMock.mockReset();
  // jsdom cannot navigate; the successful path ends with window.location.assign.
  jest.spyOn(console, "error").mockImplementation(() => undefined);
});

describe("SignInForm", () => {
  it("asks for the authenticator code when the password is right and 2FA is on, then signs in with it", async () => {
    signInMock.mockResolvedValueOnce(fail("totp_required")).mockResolvedValueOnce(success);
    const user = await submitPassword();

    const code = await screen.findByLabelText("Authentication code");
    expect(screen.queryByLabelText("Password")).not.toBeInTheDocument();
    expect(code).toHaveFocus();
    await user.type(code, "123456");
    await user.click(screen.getByRole("button", { name: "Verify and sign in" }));

    expect(signInMock).toHaveBeenLastCalledWith("credentials", {
      email: "ada@example.test",
      password: "correct horse battery",
      code: "123456",
      redirect: false,
    });
    expect(screen.queryByTestId("sign-in-error")).not.toBeInTheDocument();
  });

  it("keeps the code step and says so when the code is wrong", async () => {
    signInMock.mockResolvedValueOnce(fail("totp_required")).mockResolvedValueOnce(fail("totp_invalid"));
    const user = await submitPassword();
    await user.type(await screen.findByLabelText("Authentication code"), "000000");
    await user.click(screen.getByRole("button", { name: "Verify and sign in" }));
    expect(await screen.findByTestId("sign-in-error")).toHaveTextContent("That code is not valid");
    expect(screen.getByLabelText("Authentication code")).toBeInTheDocument();
  });

  it("switches to a recovery code and sends it as the code", async () => {
    signInMock.mockResolvedValueOnce(fail("totp_required")).mockResolvedValueOnce(success);
    const user = await submitPassword();
    await screen.findByLabelText("Authentication code");
    await user.click(screen.getByRole("button", { name: "Use a recovery code" }));
    await user.type(screen.getByLabelText("Recovery code"), "abcde-fghjk");
    await user.keyboard("{Enter}");
    expect(signInMock).toHaveBeenLastCalledWith("credentials", expect.objectContaining({ code: "abcde-fghjk" }));
  });

  it("goes back to the password step when the account got locked during the code step", async () => {
    signInMock.mockResolvedValueOnce(fail("totp_required")).mockResolvedValueOnce(fail("locked"));
    const user = await submitPassword();
    await user.type(await screen.findByLabelText("Authentication code"), "999999");
    await user.click(screen.getByRole("button", { name: "Verify and sign in" }));
    expect(await screen.findByTestId("sign-in-error")).toHaveTextContent("paused for 15 minutes");
    expect(screen.getByLabelText("Password")).toBeInTheDocument();
  });

  it.each([
    ["invalid", "Wrong email or password."],
    ["locked", "Sign-in to this account from here is paused for 15 minutes."],
    ["rate_limited:240", "Please wait 4 minutes"],
  ])("shows a clear message for %s", async (error, text) => {
    signInMock.mockResolvedValueOnce(fail(error));
    await submitPassword();
    expect(await screen.findByTestId("sign-in-error")).toHaveTextContent(text);
    expect(screen.queryByLabelText("Authentication code")).not.toBeInTheDocument();
  });
});

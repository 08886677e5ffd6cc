/** @jest-environment node */
import { eventResourcePage } from "@/lib/dashboard-paths";
import { EVENT_RESOURCE_LABELS, EVENT_TYPE_GROUPS, eventResource } from "@/lib/mangopay/event-types";

describe("the object behind an event and its dashboard page", () => {
  it("reads a recipient behind every RECIPIENT_* event type", () => {
    const recipientTypes = EVENT_TYPE_GROUPS.flatMap((g) => g.types).filter((t) => t.startsWith("RECIPIENT_"));
    expect(recipientTypes).toEqual(["RECIPIENT_ACTIVE", "RECIPIENT_CANCELED", "RECIPIENT_DEACTIVATED"]);
    for (const type of recipientTypes) expect(eventResource(type)).toBe("recipient");
    expect(EVENT_RESOURCE_LABELS.recipient).toBe("Recipient");
    // The SCA consent to register recipients is about the user, not a recipient.
    expect(eventResource("SCA_RECIPIENT_REGISTRATION_CONSENT_GIVEN")).not.toBe("recipient");
  });

  it("opens a recipient's page and a dispute's timeline, with the ids encoded", () => {
    expect(eventResourcePage("acc 1", "recipient", "rec_m_01JH/X")).toEqual({
      href: "/accounts/acc%201/recipients/rec_m_01JH%2FX",
      label: "Open this recipient",
      after: "for its bank details and payouts.",
    });
    expect(eventResourcePage("acc1", "dispute", "dsp_9")).toMatchObject({
      href: "/accounts/acc1/disputes/dsp_9",
      label: "Open this dispute",
    });
  });

  it("reads the pay-in intent behind every INTENT_* event and opens its page", () => {
    const intentTypes = EVENT_TYPE_GROUPS.flatMap((g) => g.types).filter((t) => t.startsWith("INTENT_"));
    expect(intentTypes).toHaveLength(10);
    for (const type of intentTypes) expect(eventResource(type)).toBe("payInIntent");
    expect(EVENT_RESOURCE_LABELS.payInIntent).toBe("Pay-in intent");
    expect(eventResourcePage("acc1", "payInIntent", "int_m_01J0")).toEqual({
      href: "/accounts/acc1/pay-in-intents/int_m_01J0",
      label: "Open this pay-in intent",
      after: "for its line items, captures, refunds, disputes, splits and settlement.",
    });
  });

  it("has no page of its own for the other kinds (transactions open through their kind)", () => {
    for (const resource of ["payIn", "payOut", "user", "kycDocument", "report", null]) {
      expect(eventResourcePage("acc1", resource, "1")).toBeNull();
    }
  });
});

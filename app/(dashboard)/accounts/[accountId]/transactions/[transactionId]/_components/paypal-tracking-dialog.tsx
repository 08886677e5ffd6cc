"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, DialogTrigger } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-message";
import { useDialogForm } from "@/components/use-dialog-action";
import { dashboardPaths } from "@/lib/dashboard-paths";
import {
  CARRIER_CODE,
  carrierLabel,
  OTHER_CARRIER,
  PAYPAL_CARRIERS,
  TRACKING_NUMBER,
  TRACKING_NUMBER_MAX,
} from "@/lib/services/payins/paypal-tracking-rules";
import { SelectField, TextField } from "../../../_components/form-fields";
import { addPayPalTrackingAction } from "../../actions";

type Errors = Record<string, string[]>;
type Summary = { trackingNumber: string; carrier: string; notifyBuyer: boolean };

const CARRIER_OPTIONS: readonly (readonly [string, string])[] = [
  ["", "Choose the carrier…"],
  ...PAYPAL_CARRIERS.map(([code, label]) => [code, label === code ? code : `${label} (${code})`] as const),
  [OTHER_CARRIER, "Other: type PayPal's carrier code"],
];

/** The form's values checked as the server will (its messages), so the confirmation never shows a refused value. */
function check(form: FormData): { summary: Summary } | { errors: Errors } {
  const trackingNumber = String(form.get("trackingNumber") ?? "").trim();
  const picked = String(form.get("carrier") ?? "");
  const carrier =
    picked === OTHER_CARRIER
      ? String(form.get("carrierOther") ?? "")
          .trim()
          .toUpperCase()
      : picked;
  const errors: Errors = {};
  if (!trackingNumber) errors.trackingNumber = ["Enter the tracking number"];
  else if (trackingNumber.length > TRACKING_NUMBER_MAX)
    errors.trackingNumber = [`At most ${TRACKING_NUMBER_MAX} characters`];
  else if (!TRACKING_NUMBER.test(trackingNumber))
    errors.trackingNumber = ["Letters, digits and - _ . / only (no spaces)"];
  if (!picked) errors.carrier = ["Pick the carrier"];
  else if (picked === OTHER_CARRIER && !CARRIER_CODE.test(carrier))
    errors.carrierOther = ["Type PayPal's carrier code: capital letters, digits and _ (e.g. FR_COLISSIMO)"];
  if (Object.keys(errors).length > 0) return { errors };
  return { summary: { trackingNumber, carrier, notifyBuyer: form.get("notifyBuyer") === "on" } };
}

/**
 * "Add tracking" on a SUCCEEDED PayPal pay-in (the page shows it only to members holding Pay-ins edit): the
 * tracking number, the carrier (PayPal's common codes or any other typed), whether PayPal e-mails the buyer; then
 * a confirmation, since MANGOPAY never lets it be edited. Values survive a refusal; focus returns to the button.
 */
export function PayPalTrackingDialog({ accountId, payInId }: { accountId: string; payInId: string }) {
  const [step, setStep] = useState<"form" | "confirm">("form");
  const [summary, setSummary] = useState<Summary | null>(null);
  const [localErrors, setLocalErrors] = useState<Errors | undefined>();
  const [carrier, setCarrier] = useState("");
  const [formKey, setFormKey] = useState(0);
  const notifyId = useId();
  const tracking = useDialogForm(
    async (prev: Parameters<typeof addPayPalTrackingAction>[0], form: FormData) => {
      const result = await addPayPalTrackingAction(prev, form);
      // A refused field goes back to the form, with what was typed.
      if (!result.ok && result.fieldErrors) setStep("form");
      return result;
    },
    (data) => {
      const sent = data.trackings.at(-1);
      return {
        title: sent
          ? `Tracking ${sent.trackingNumber} (${carrierLabel(sent.carrier)}) sent to PayPal.`
          : "Tracking sent to PayPal.",
        href: dashboardPaths(accountId).transaction(payInId, "PAYIN"),
        linkLabel: `Open ${payInId}`,
      };
    },
  );
  const errors = localErrors ?? tracking.fieldErrors;
  const failed = tracking.state && !tracking.state.ok ? tracking.state.error : null;

  return (
    <Dialog
      open={tracking.open}
      onOpenChange={(next) => {
        tracking.setOpen(next);
        if (next) {
          setFormKey((k) => k + 1);
          setStep("form");
          setCarrier("");
          setLocalErrors(undefined);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary" data-testid="add-tracking-button">
          Add tracking
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Add PayPal tracking"
        description="PayPal is told how this order ships. MANGOPAY does not allow editing it afterwards, and a tracking number can be sent only once."
        className="max-w-lg"
      >
        <form
          key={formKey}
          className="space-y-4"
          noValidate
          data-testid="tracking-form"
          onSubmit={(event) => {
            if (step === "form") {
              event.preventDefault();
              const checked = check(new FormData(event.currentTarget));
              if ("errors" in checked) return setLocalErrors(checked.errors);
              setLocalErrors(undefined);
              setSummary(checked.summary);
              setStep("confirm");
              return;
            }
            tracking.onSubmit(event);
          }}
        >
          <input type="hidden" name="accountId" value={accountId} />
          <input type="hidden" name="payInId" value={payInId} />
          {/* Hidden, not removed, while confirming: the typed values are what is sent, and survive "Back". */}
          <div className="space-y-4" hidden={step === "confirm"}>
            <TextField
              name="trackingNumber"
              label="Tracking number"
              errors={errors}
              maxLength={TRACKING_NUMBER_MAX}
              autoComplete="off"
              spellCheck={false}
            />
            <SelectField
              name="carrier"
              label="Carrier"
              errors={errors}
              options={CARRIER_OPTIONS}
              value={carrier}
              onChange={(e) => setCarrier(e.target.value)}
            />
            {carrier === OTHER_CARRIER ? (
              <TextField
                name="carrierOther"
                label="PayPal carrier code"
                errors={errors}
                maxLength={64}
                placeholder="e.g. FR_COLISSIMO"
                autoComplete="off"
                spellCheck={false}
              />
            ) : null}
            <div className="flex items-center gap-2">
              <input id={notifyId} type="checkbox" name="notifyBuyer" className="size-4" />
              <label htmlFor={notifyId} className="text-sm text-slate-700">
                Have PayPal e-mail the buyer the tracking number and carrier
              </label>
            </div>
          </div>
          {step === "confirm" && summary ? (
            <div className="space-y-2 rounded-md bg-slate-50 p-3 text-sm" data-testid="tracking-confirm">
              <p className="font-medium">Send this to PayPal for pay-in {payInId}?</p>
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
                <dt className="text-slate-500">Tracking number</dt>
                <dd className="font-mono break-all">{summary.trackingNumber}</dd>
                <dt className="text-slate-500">Carrier</dt>
                <dd>
                  {carrierLabel(summary.carrier)}
                  {carrierLabel(summary.carrier) !== summary.carrier ? ` (${summary.carrier})` : null}
                </dd>
                <dt className="text-slate-500">Buyer e-mailed</dt>
                <dd>{summary.notifyBuyer ? "Yes" : "No"}</dd>
              </dl>
              <p className="text-slate-600">It cannot be edited or sent again afterwards.</p>
            </div>
          ) : null}
          {failed ? <FormAlert>{failed}</FormAlert> : null}
          {step === "confirm" ? (
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setStep("form")}>
                Back
              </Button>
              <Button type="submit" disabled={tracking.pending}>
                {tracking.pending ? "Sending to PayPal…" : "Send to PayPal"}
              </Button>
            </div>
          ) : (
            <DialogFormActions pending={false} label="Review" />
          )}
        </form>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { useState } from "react";
import { FieldError } from "@/components/ui/form-message";
import { Label } from "@/components/ui/input";
import { LEGAL_PERSON_TYPES, USER_CATEGORIES } from "@/lib/mangopay/values";
import { AddressFields, SelectField, TextField } from "../../_components/form-fields";

type Errors = Record<string, string[]> | undefined;

/** What the edit form starts from (the profile's values). */
export type UserFormDefaults = {
  personType: "NATURAL" | "LEGAL";
  category: string | null;
  email: string | null;
  termsAccepted: boolean;
  tag: string | null;
  firstName?: string | null;
  lastName?: string | null;
  birthday?: string | null;
  nationality?: string | null;
  countryOfResidence?: string | null;
  occupation?: string | null;
  incomeRange?: string | null;
  name?: string | null;
  legalPersonType?: string | null;
  companyNumber?: string | null;
  repFirstName?: string | null;
  repLastName?: string | null;
  repEmail?: string | null;
  repBirthday?: string | null;
  repNationality?: string | null;
  repCountryOfResidence?: string | null;
};

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : undefined);
const v = (s: string | null | undefined) => s ?? undefined;

const INCOME_RANGES = [
  ["", "—"],
  ["1", "1 — under €18k"],
  ["2", "2 — €18k to €30k"],
  ["3", "3 — €30k to €50k"],
  ["4", "4 — €50k to €80k"],
  ["5", "5 — €80k to €120k"],
  ["6", "6 — over €120k"],
] as const;

/**
 * A natural or legal user's fields, with MANGOPAY's requirements said beside the category choice:
 * an Owner needs the terms accepted and more identity data (docs/dashboard-actions.md).
 */
export function UserFields({ errors, defaults }: { errors: Errors; defaults?: UserFormDefaults }) {
  const [personType, setPersonType] = useState<"NATURAL" | "LEGAL">(defaults?.personType ?? "NATURAL");
  const [category, setCategory] = useState(defaults?.category ?? "PAYER");
  const owner = category === "OWNER";
  const editing = defaults !== undefined;
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        {editing ? (
          <input type="hidden" name="personType" value={personType} />
        ) : (
          <SelectField
            name="personType"
            label="Person"
            errors={errors}
            value={personType}
            onChange={(e) => setPersonType(e.target.value === "LEGAL" ? "LEGAL" : "NATURAL")}
            options={[
              ["NATURAL", "Natural person"],
              ["LEGAL", "Legal person (company, organisation)"],
            ]}
          />
        )}
        <SelectField
          name="category"
          label="Category"
          errors={errors}
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          options={USER_CATEGORIES.map(
            (c) => [c, c === "OWNER" ? "Owner (holds and receives funds)" : "Payer (pays only)"] as const,
          )}
        />
        <TextField name="email" label="Email" type="email" errors={errors} defaultValue={v(defaults?.email)} />
        <TextField name="tag" label="Tag (optional)" errors={errors} defaultValue={v(defaults?.tag)} maxLength={255} />
      </div>
      {owner ? (
        <p className="text-xs text-slate-600">
          An Owner must accept MANGOPAY&apos;s terms, and needs{" "}
          {personType === "NATURAL"
            ? "a birthday, nationality, country of residence and address"
            : "a headquarters address and the representative's email, birthday, nationality and residence (and a company number for a business)"}
          .
        </p>
      ) : null}
      {personType === "NATURAL" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            name="firstName"
            label="First name"
            errors={errors}
            defaultValue={v(defaults?.firstName)}
            maxLength={100}
          />
          <TextField
            name="lastName"
            label="Last name"
            errors={errors}
            defaultValue={v(defaults?.lastName)}
            maxLength={100}
          />
          <TextField
            name="birthday"
            label="Birthday"
            type="date"
            errors={errors}
            defaultValue={day(defaults?.birthday)}
          />
          <TextField
            name="nationality"
            label="Nationality (ISO code)"
            errors={errors}
            defaultValue={v(defaults?.nationality)}
            maxLength={2}
          />
          <TextField
            name="countryOfResidence"
            label="Country of residence (ISO code)"
            errors={errors}
            defaultValue={v(defaults?.countryOfResidence)}
            maxLength={2}
          />
          <TextField
            name="occupation"
            label="Occupation (optional)"
            errors={errors}
            defaultValue={v(defaults?.occupation)}
            maxLength={255}
          />
          <SelectField
            name="incomeRange"
            label="Income range (optional)"
            errors={errors}
            defaultValue={v(defaults?.incomeRange) ?? ""}
            options={INCOME_RANGES}
          />
          <div className="sm:col-span-2">
            <AddressFields
              prefix="address"
              legend={editing ? "Address (leave empty to keep the current one)" : "Address"}
              errors={errors}
              required={owner && !editing}
            />
          </div>
        </div>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            name="name"
            label="Company name"
            errors={errors}
            defaultValue={v(defaults?.name)}
            maxLength={255}
          />
          <SelectField
            name="legalPersonType"
            label="Legal form"
            errors={errors}
            defaultValue={v(defaults?.legalPersonType) ?? "BUSINESS"}
            options={LEGAL_PERSON_TYPES.map((t) => [t, t.charAt(0) + t.slice(1).toLowerCase()] as const)}
          />
          <TextField
            name="companyNumber"
            label="Company number"
            errors={errors}
            defaultValue={v(defaults?.companyNumber)}
            maxLength={64}
          />
          <div className="sm:col-span-2">
            <AddressFields
              prefix="hq"
              legend={editing ? "Headquarters (leave empty to keep the current one)" : "Headquarters"}
              errors={errors}
              required={owner && !editing}
            />
          </div>
          <TextField
            name="repFirstName"
            label="Representative's first name"
            errors={errors}
            defaultValue={v(defaults?.repFirstName)}
            maxLength={100}
          />
          <TextField
            name="repLastName"
            label="Representative's last name"
            errors={errors}
            defaultValue={v(defaults?.repLastName)}
            maxLength={100}
          />
          <TextField
            name="repEmail"
            label="Representative's email"
            type="email"
            errors={errors}
            defaultValue={v(defaults?.repEmail)}
          />
          <TextField
            name="repBirthday"
            label="Representative's birthday"
            type="date"
            errors={errors}
            defaultValue={day(defaults?.repBirthday)}
          />
          <TextField
            name="repNationality"
            label="Representative's nationality (ISO code)"
            errors={errors}
            defaultValue={v(defaults?.repNationality)}
            maxLength={2}
          />
          <TextField
            name="repCountryOfResidence"
            label="Representative's residence (ISO code)"
            errors={errors}
            defaultValue={v(defaults?.repCountryOfResidence)}
            maxLength={2}
          />
        </div>
      )}
      <div className="space-y-1">
        <div className="flex items-center gap-2">
          <input
            id="termsAccepted"
            type="checkbox"
            name="termsAccepted"
            defaultChecked={defaults?.termsAccepted}
            className="size-4"
          />
          <Label htmlFor="termsAccepted">The user accepted MANGOPAY&apos;s terms and conditions</Label>
        </div>
        <FieldError name="termsAccepted" errors={errors} />
      </div>
    </div>
  );
}

import { legal, list, natural, num, startApi, str, type Api } from "./helpers";
import { eventTypesFor, pngBase64, waitFor } from "./compliance-helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi({ seed: 1, delays: { kycMs: 5, uboMs: 5, disputeMs: null, reportMs: null } });
});
afterAll(async () => {
  await api.emu.close();
});

const PAGE = pngBase64(40 * 1024);

async function newUser(body = natural()): Promise<string> {
  return str((await api.call("POST", body === natural() ? "/users/natural" : "/users/natural", body)).body.Id);
}

async function docWithPage(userId: string, type: string, tag?: string): Promise<string> {
  const doc = await api.call("POST", `/users/${userId}/KYC/documents/`, { Type: type, Tag: tag });
  expect(doc.status).toBe(200);
  const page = await api.call("POST", `/users/${userId}/kyc/documents/${doc.body.Id}/pages`, { File: PAGE });
  expect(page.status).toBe(204);
  return str(doc.body.Id);
}

describe("KYC documents", () => {
  it("validates an identity proof tagged 'accept', sets ProcessedDate, the proof and KYCLevel REGULAR, with events", async () => {
    const userId = await newUser();
    const docId = await docWithPage(userId, "IDENTITY_PROOF", "accept");
    const asked = await api.call("PUT", `/users/${userId}/kyc/documents/${docId}`, { Status: "VALIDATION_ASKED" });
    expect(asked.body).toMatchObject({ Status: "VALIDATION_ASKED", ProcessedDate: null });
    const done = await waitFor(
      () => api.call("GET", `/kyc/documents/${docId}`),
      (r) => r.body.Status !== asked.body.Status,
    );
    expect(done.body.Status).toBe("VALIDATED");
    expect(typeof done.body.ProcessedDate).toBe("number");
    const user = await api.call("GET", `/users/${userId}`);
    expect(user.body).toMatchObject({ KYCLevel: "REGULAR", ProofOfIdentity: docId });
    expect(await eventTypesFor(api, docId)).toEqual(["KYC_CREATED", "KYC_VALIDATION_ASKED", "KYC_SUCCEEDED"]);
    expect(await eventTypesFor(api, userId)).toContain("USER_KYC_REGULAR");
  });

  it.each([
    ["refuse_unreadable", "DOCUMENT_UNREADABLE"],
    ["refuse_expired", "DOCUMENT_HAS_EXPIRED"],
    ["refuse_no_user_data_match", "DOCUMENT_DO_NOT_MATCH_USER_DATA"],
    ["refuse_underage", "UNDERAGE_PERSON"],
  ])("refuses a document tagged %s with RefusedReasonType %s", async (tag, reason) => {
    const userId = await newUser();
    const docId = await docWithPage(userId, "ADDRESS_PROOF", tag);
    await api.call("PUT", `/users/${userId}/kyc/documents/${docId}`, { Status: "VALIDATION_ASKED" });
    const done = await waitFor(
      () => api.call("GET", `/users/${userId}/kyc/documents/${docId}`),
      (r) => str(r.body.Status) === "REFUSED",
    );
    expect(done.body).toMatchObject({ Status: "REFUSED", RefusedReasonType: reason });
    expect(str(done.body.RefusedReasonMessage).length).toBeGreaterThan(0);
    expect((await api.call("GET", `/users/${userId}`)).body.KYCLevel).toBe("LIGHT");
    expect(await eventTypesFor(api, docId)).toContain("KYC_FAILED");
  });

  it("waits for a control decision when no sandbox Tag is set; control refuse, validate and outdate", async () => {
    const userId = await newUser();
    const a = await docWithPage(userId, "IDENTITY_PROOF");
    await api.call("PUT", `/users/${userId}/kyc/documents/${a}`, { Status: "VALIDATION_ASKED" });
    await new Promise((r) => setTimeout(r, 30));
    expect((await api.call("GET", `/kyc/documents/${a}`)).body.Status).toBe("VALIDATION_ASKED");
    const refused = await api.control("POST", `/clients/${api.clientId}/kyc/documents/${a}/refuse`, {
      RefusedReasonType: "DOCUMENT_FALSIFIED",
      RefusedReasonMessage: "edited",
    });
    expect(refused.body).toMatchObject({
      Status: "REFUSED",
      RefusedReasonType: "DOCUMENT_FALSIFIED",
      RefusedReasonMessage: "edited",
    });
    const again = await api.control("POST", `/clients/${api.clientId}/kyc/documents/${a}/validate`);
    expect(again.status).toBe(400);
    expect(again.body.Type).toBe("invalid_action");
    const b = await docWithPage(userId, "IDENTITY_PROOF");
    await api.call("PUT", `/users/${userId}/kyc/documents/${b}`, { Status: "VALIDATION_ASKED" });
    expect((await api.control("POST", `/clients/${api.clientId}/kyc/documents/${b}/validate`)).body.Status).toBe(
      "VALIDATED",
    );
    expect((await api.call("GET", `/users/${userId}`)).body.KYCLevel).toBe("REGULAR");
    expect((await api.control("POST", `/clients/${api.clientId}/kyc/documents/${b}/outdate`)).body.Status).toBe(
      "OUT_OF_DATE",
    );
    expect((await api.call("GET", `/users/${userId}`)).body).toMatchObject({
      KYCLevel: "LIGHT",
      ProofOfIdentity: null,
    });
  });

  it("refuses wrong transitions and bad pages with MANGOPAY's error Types and codes", async () => {
    const userId = await newUser();
    const doc = await api.call("POST", `/users/${userId}/kyc/documents`, { Type: "IDENTITY_PROOF" });
    const id = str(doc.body.Id);
    const noPage = await api.call("PUT", `/users/${userId}/kyc/documents/${id}`, { Status: "VALIDATION_ASKED" });
    expect([noPage.status, noPage.body.Type]).toEqual([400, "param_error"]);
    const empty = await api.call("POST", `/users/${userId}/kyc/documents/${id}/pages`, { File: "" });
    expect([empty.status, empty.body.Type]).toEqual([400, "param_error"]);
    const small = await api.call("POST", `/users/${userId}/kyc/documents/${id}/pages`, { File: pngBase64(2000) });
    expect(small.body.errors.File).toMatch(/too small/);
    const notImage = await api.call("POST", `/users/${userId}/kyc/documents/${id}/pages`, {
      File: Buffer.alloc(40_000, 1).toString("base64"),
    });
    expect(notImage.body.errors.File).toMatch(/PDF, JPEG/);
    const huge = await api.call("POST", `/users/${userId}/kyc/documents/${id}/pages`, {
      File: "A".repeat(10 * 1024 * 1024 + 4),
    });
    expect(huge.status).toBe(413);
    for (let i = 0; i < 5; i++)
      expect((await api.call("POST", `/users/${userId}/kyc/documents/${id}/pages`, { File: PAGE })).status).toBe(204);
    const sixth = await api.call("POST", `/users/${userId}/kyc/documents/${id}/pages`, { File: PAGE });
    expect([sixth.status, sixth.body.Type]).toEqual([400, "max_page_number"]);
    expect((await api.call("PUT", `/users/${userId}/kyc/documents/${id}`, { Status: "VALIDATION_ASKED" })).status).toBe(
      200,
    );
    const twice = await api.call("PUT", `/users/${userId}/kyc/documents/${id}`, { Status: "REFUSED" });
    expect([twice.status, twice.body.Type]).toEqual([400, "param_error"]);
    const late = await api.call("POST", `/users/${userId}/kyc/documents/${id}/pages`, { File: PAGE });
    expect([late.status, late.body.Type]).toEqual([400, "invalid_action"]);
    const wrongType = await api.call("POST", `/users/${userId}/kyc/documents`, { Type: "REGISTRATION_PROOF" });
    expect(wrongType.body.errors.Type).toBeDefined();
    const missing = await api.call("GET", "/kyc/documents/999");
    expect([missing.status, missing.body.Type]).toEqual([404, "ressource_not_found"]);
    const consult = await api.call("POST", `/kyc/documents/${id}/consult`);
    expect(list(consult.body)).toHaveLength(5);
    expect((await fetch(str(list(consult.body)[0].Url))).headers.get("content-type")).toBe("image/png");
  });

  it("lists documents with Status, Type, BeforeDate/AfterDate filters and pagination headers", async () => {
    const all = await api.call("GET", "/kyc/documents?per_page=100");
    expect(Number(all.headers.get("x-number-of-items"))).toBeGreaterThan(50);
    const refused = await api.call(
      "GET",
      "/kyc/documents?Status=REFUSED&Type=IDENTITY_PROOF,ADDRESS_PROOF&per_page=100",
    );
    expect(list(refused.body).every((d) => str(d.Status) === "REFUSED")).toBe(true);
    const first = list(all.body)[0];
    const after = await api.call("GET", `/kyc/documents?AfterDate=${num(first.CreationDate)}&per_page=100`);
    expect(list(after.body).every((d) => num(d.CreationDate) > num(first.CreationDate))).toBe(true);
    const sorted = await api.call("GET", "/kyc/documents?Sort=CreationDate:DESC&per_page=5");
    const dates = list(sorted.body).map((d) => num(d.CreationDate));
    expect(dates).toEqual([...dates].sort((x, y) => y - x));
  });
});

describe("UBO declarations", () => {
  async function legalUser(): Promise<string> {
    return str((await api.call("POST", "/users/legal", legal())).body.Id);
  }
  const ubo = (first: string) => ({
    FirstName: first,
    LastName: "Owner",
    Birthday: 188352000,
    Nationality: "FR",
    Address: { AddressLine1: "1 rue A", City: "Paris", PostalCode: "75001", Country: "FR" },
    Birthplace: { City: "Paris", Country: "FR" },
  });

  it("declares, submits and validates (AcceptUBO) with events; edits are refused once submitted", async () => {
    const userId = await legalUser();
    const decl = await api.call("POST", `/users/${userId}/kyc/ubodeclarations`);
    expect(decl.body).toMatchObject({ Status: "CREATED", UserId: userId, Ubos: [] });
    const declId = str(decl.body.Id);
    const bad = await api.call("POST", `/users/${userId}/kyc/ubodeclarations/${declId}/ubos`, { FirstName: "X" });
    expect(Object.keys(bad.body.errors)).toEqual(
      expect.arrayContaining(["LastName", "Birthday", "Nationality", "Address", "Birthplace"]),
    );
    const created = await api.call("POST", `/users/${userId}/kyc/ubodeclarations/${declId}/ubos`, ubo("AcceptUBO"));
    expect(created.body).toMatchObject({ FirstName: "AcceptUBO", IsActive: true });
    const updated = await api.call("PUT", `/users/${userId}/kyc/ubodeclarations/${declId}/ubos/${created.body.Id}`, {
      LastName: "Renamed",
      IsActive: true,
    });
    expect(updated.body.LastName).toBe("Renamed");
    const submitted = await api.call("PUT", `/users/${userId}/kyc/ubodeclarations/${declId}`, {
      Id: declId,
      Status: "VALIDATION_ASKED",
      Ubos: [],
    });
    expect(submitted.body.Status).toBe("VALIDATION_ASKED");
    const late = await api.call("POST", `/users/${userId}/kyc/ubodeclarations/${declId}/ubos`, ubo("Late"));
    expect([late.status, late.body.Type]).toEqual([400, "invalid_action"]);
    const done = await waitFor(
      () => api.call("GET", `/kyc/ubodeclarations/${declId}`),
      (r) => str(r.body.Status) === "VALIDATED",
    );
    expect(done.body.Status).toBe("VALIDATED");
    expect(await eventTypesFor(api, declId)).toEqual([
      "UBO_DECLARATION_CREATED",
      "UBO_DECLARATION_VALIDATION_ASKED",
      "UBO_DECLARATION_VALIDATED",
    ]);
    expect(list((await api.call("GET", `/users/${userId}/kyc/ubodeclarations`)).body)).toHaveLength(1);
  });

  it("turns IncompleteUBO into INCOMPLETE (editable, resubmittable) and RefuseUBO into REFUSED", async () => {
    const userId = await legalUser();
    const declId = str((await api.call("POST", `/users/${userId}/kyc/ubodeclarations`)).body.Id);
    await api.call("POST", `/users/${userId}/kyc/ubodeclarations/${declId}/ubos`, ubo("IncompleteUBO"));
    await api.call("PUT", `/users/${userId}/kyc/ubodeclarations/${declId}`, { Status: "VALIDATION_ASKED" });
    const incomplete = await waitFor(
      () => api.call("GET", `/kyc/ubodeclarations/${declId}`),
      (r) => str(r.body.Status) === "INCOMPLETE",
    );
    expect(incomplete.body).toMatchObject({ Status: "INCOMPLETE", Reason: "MISSING_UBO" });
    const second = await api.call("POST", `/users/${userId}/kyc/ubodeclarations/${declId}/ubos`, ubo("Second"));
    expect(second.status).toBe(200);
    const firstUbo = list(incomplete.body.Ubos)[0];
    await api.call("PUT", `/users/${userId}/kyc/ubodeclarations/${declId}/ubos/${str(firstUbo.Id)}`, {
      FirstName: "Jane",
    });
    await api.call("PUT", `/users/${userId}/kyc/ubodeclarations/${declId}`, { Status: "VALIDATION_ASKED" });
    await new Promise((r) => setTimeout(r, 30));
    const refused = await api.control("POST", `/clients/${api.clientId}/ubodeclarations/${declId}/refuse`, {
      Reason: "WRONG_UBO_INFORMATION",
      Message: "Check birthdays",
    });
    expect(refused.body).toMatchObject({
      Status: "REFUSED",
      Reason: "WRONG_UBO_INFORMATION",
      Message: "Check birthdays",
    });
    const resubmit = await api.call("PUT", `/users/${userId}/kyc/ubodeclarations/${declId}`, {
      Status: "VALIDATION_ASKED",
    });
    expect([resubmit.status, resubmit.body.Type]).toEqual([400, "invalid_action"]);
  });

  it("refuses declarations for natural users and a second open declaration", async () => {
    const naturalId = await newUser();
    const res = await api.call("POST", `/users/${naturalId}/kyc/ubodeclarations`);
    expect([res.status, res.body.Type]).toEqual([400, "param_error"]);
    const userId = await legalUser();
    await api.call("POST", `/users/${userId}/kyc/ubodeclarations`);
    const second = await api.call("POST", `/users/${userId}/kyc/ubodeclarations`);
    expect([second.status, second.body.Type]).toEqual([400, "invalid_action"]);
  });

  it("makes a BUSINESS user REGULAR only with identity, registration, articles and a validated UBO declaration", async () => {
    const userId = await legalUser();
    for (const type of ["IDENTITY_PROOF", "REGISTRATION_PROOF", "ARTICLES_OF_ASSOCIATION"]) {
      const id = await docWithPage(userId, type);
      await api.call("PUT", `/users/${userId}/kyc/documents/${id}`, { Status: "VALIDATION_ASKED" });
      await api.control("POST", `/clients/${api.clientId}/kyc/documents/${id}/validate`);
    }
    expect((await api.call("GET", `/users/${userId}`)).body.KYCLevel).toBe("LIGHT");
    const declId = str((await api.call("POST", `/users/${userId}/kyc/ubodeclarations`)).body.Id);
    await api.call("POST", `/users/${userId}/kyc/ubodeclarations/${declId}/ubos`, ubo("Jane"));
    await api.call("PUT", `/users/${userId}/kyc/ubodeclarations/${declId}`, { Status: "VALIDATION_ASKED" });
    await api.control("POST", `/clients/${api.clientId}/ubodeclarations/${declId}/validate`);
    const user = await api.call("GET", `/users/legal/${userId}`);
    expect(user.body.KYCLevel).toBe("REGULAR");
    expect(user.body.ProofOfRegistration).toBeTruthy();
    expect(user.body.Statute).toBeTruthy();
  });
});

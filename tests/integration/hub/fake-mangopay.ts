import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A minimal MANGOPAY stand-in for the Hub tests: OAuth, SSOs and permission groups, one ClientId.
// The project emulator grows these routes separately; this keeps the Hub tests independent of it.
type Grant = { Read: boolean; Create: boolean; Edit: boolean };
type Group = { Id: string; Name: string; Tag: string | null; Type: "DEFAULT" | "CUSTOM"; CreationDate: number; Scopes: Record<string, Grant> };
type Sso = {
  Id: string; FirstName: string; LastName: string; Email: string; Active: boolean; ClientId: string; Tag: string | null;
  InvitationStatus: string; PermissionGroupId: string; LastLoginDate: number | null; CreationDate: number;
};

export type FakeMangopay = {
  url: string;
  clientId: string;
  apiKey: string;
  ssos: Sso[];
  groups: Group[];
  tokenCalls: number;
  close: () => Promise<void>;
};

const g = (r: boolean, c: boolean, e: boolean): Grant => ({ Read: r, Create: c, Edit: e });

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(data));
  });
}

export async function startFakeMangopay(clientId = "hubclient", apiKey = "fake-api-key-0001"): Promise<FakeMangopay> {
  let seq = 1000;
  const now = Math.floor(Date.now() / 1000);
  const state: FakeMangopay = {
    url: "",
    clientId,
    apiKey,
    tokenCalls: 0,
    ssos: [],
    groups: [
      { Id: "ADMIN", Name: "ADMIN", Tag: null, Type: "DEFAULT", CreationDate: now, Scopes: { Users: g(true, true, true), SSOs: g(true, true, true) } },
      { Id: "WRITE", Name: "WRITE", Tag: null, Type: "DEFAULT", CreationDate: now, Scopes: { Users: g(true, true, true), Payouts: g(true, true, true) } },
      { Id: "READ", Name: "READ", Tag: null, Type: "DEFAULT", CreationDate: now, Scopes: { Users: g(true, false, false), Payouts: g(true, false, false) } },
    ],
    close: async () => {},
  };
  const send = (res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(payload));
  };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname.replace(/\/+$/, "");
    const raw = await body(req);
    if (req.method === "POST" && path === "/v2.01/oauth/token") {
      const expected = "Basic " + Buffer.from(`${clientId}:${apiKey}`).toString("base64");
      if (req.headers.authorization !== expected) return send(res, 401, { error: "invalid_client" });
      state.tokenCalls += 1;
      return send(res, 200, { access_token: `tok${seq++}`, token_type: "bearer", expires_in: 1200 });
    }
    if (!req.headers.authorization?.startsWith("Bearer ")) return send(res, 401, { Message: "invalid", Type: "invalid_credentials" });
    const prefix = `/v2.01/${clientId}`;
    if (!path.startsWith(prefix)) return send(res, 404, { Message: "Not found", Type: "ressource_not_found" });
    const p = path.slice(prefix.length);
    const json = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const list = (items: unknown[]) => {
      const page = Number(url.searchParams.get("page") ?? 1);
      const per = Number(url.searchParams.get("per_page") ?? 10);
      const slice = items.slice((page - 1) * per, page * per);
      return send(res, 200, slice, { "x-number-of-items": String(items.length), "x-number-of-pages": String(Math.max(1, Math.ceil(items.length / per))) });
    };
    if (p === "/clients/ssos" && req.method === "GET") return list(state.ssos);
    if (p === "/clients/ssos" && req.method === "POST") {
      if (state.ssos.some((s) => s.Email === json.Email)) return send(res, 400, { Message: "One or several required parameters are missing or incorrect", Type: "param_error", errors: { Email: "already used" } });
      const sso: Sso = {
        Id: String(seq++), FirstName: String(json.FirstName), LastName: String(json.LastName), Email: String(json.Email), Active: true,
        ClientId: clientId, Tag: (json.Tag as string) ?? null, InvitationStatus: "SENT", PermissionGroupId: String(json.PermissionGroupId),
        LastLoginDate: null, CreationDate: now,
      };
      state.ssos.push(sso);
      return send(res, 200, sso);
    }
    const ssoMatch = /^\/clients\/ssos\/([^/]+)(\/extendinvitation)?$/.exec(p);
    if (ssoMatch) {
      const sso = state.ssos.find((s) => s.Id === ssoMatch[1]);
      if (!sso) return send(res, 404, { Message: "Not found", Type: "ressource_not_found" });
      if (req.method === "GET") return send(res, 200, sso);
      if (ssoMatch[2]) {
        sso.InvitationStatus = "SENT";
        return send(res, 200, sso);
      }
      for (const k of ["FirstName", "LastName", "Tag", "PermissionGroupId", "Active"] as const) if (k in json) Object.assign(sso, { [k]: json[k] });
      return send(res, 200, sso);
    }
    if (p === "/clients/permissiongroups" && req.method === "GET") return list(state.groups);
    if (p === "/clients/permissiongroups" && req.method === "POST") {
      const group: Group = { Id: String(seq++), Name: String(json.Name), Tag: (json.Tag as string) ?? null, Type: "CUSTOM", CreationDate: now, Scopes: json.Scopes as Record<string, Grant> };
      state.groups.push(group);
      return send(res, 200, group);
    }
    const groupMatch = /^\/clients\/permissiongroups\/([^/]+)$/.exec(p);
    if (groupMatch) {
      const group = state.groups.find((x) => x.Id === groupMatch[1]);
      if (!group) return send(res, 404, { Message: "Not found", Type: "ressource_not_found" });
      if (req.method === "GET") return send(res, 200, group);
      if (group.Type === "DEFAULT") return send(res, 400, { Message: "Default groups cannot be modified", Type: "param_error" });
      Object.assign(group, { Name: json.Name ?? group.Name, Tag: json.Tag ?? group.Tag, Scopes: json.Scopes ?? group.Scopes });
      return send(res, 200, group);
    }
    return send(res, 404, { Message: "Not found", Type: "ressource_not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}

// Is a TCP port free, and if not, which process holds it? Used before starting the dev stack and by
// the PGlite server, so that a taken port is reported by number and holder instead of half a start.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

/** Resolves true when `host:port` can be listened on right now (the probe is closed at once). */
export function isPortFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** "pid 1234 (node scripts/dev.mjs)" for the process listening on `port`, or null when unknown. */
export function portHolder(port) {
  let out = "";
  try {
    out = execFileSync("ss", ["-Hltnp", `sport = :${port}`], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 2000,
    });
  } catch {
    return null; // no `ss` (or not allowed to see other users' sockets): the port number alone
  }
  const pid = out.match(/pid=(\d+)/)?.[1];
  if (!pid) return null;
  let command = "";
  try {
    command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    // the process may have exited in between
  }
  return command ? `pid ${pid} (${command.length > 120 ? `${command.slice(0, 117)}…` : command})` : `pid ${pid}`;
}

/** One sentence naming a taken port, what it was for, its holder and how to choose another. */
export function describeTakenPort({ port, host = "127.0.0.1", what, variable }) {
  const holder = portHolder(port);
  const by = holder ? ` by ${holder}` : "";
  const hint = variable ? `; stop that process or set ${variable} to another port` : "";
  return `port ${port} on ${host} (${what}) is already in use${by}${hint}`;
}

/** Throws one error naming every taken port in `wanted` ([{ port, host, what, variable }]). */
export async function assertPortsFree(wanted) {
  const taken = [];
  for (const p of wanted) if (p.port && !(await isPortFree(p.port, p.host))) taken.push(describeTakenPort(p));
  if (taken.length) throw new Error(taken.join("\n      "));
}

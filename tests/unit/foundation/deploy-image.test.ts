/** @jest-environment node */
// No container engine runs in CI, so the image's path is tested without one (deploy check:
// scripts/deploy-check-server.mjs + tests/e2e-deploy). That only counts if the Dockerfile and
// compose.yaml run exactly the commands CI runs: this reads them and compares.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string> };

type Stage = { name: string; from: string; lines: string[] };

/** The Dockerfile's stages with their instructions (continuation lines joined, comments dropped). */
function stages(dockerfile: string): Stage[] {
  const instructions = dockerfile
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const out: Stage[] = [];
  for (const line of instructions) {
    const from = line.match(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i);
    if (from) out.push({ from: from[1] ?? "", name: from[2] ?? "", lines: [] });
    else out.at(-1)?.lines.push(line);
  }
  return out;
}

const dockerStages = stages(read("Dockerfile"));
const stage = (name: string) => {
  const s = dockerStages.find((st) => st.name === name);
  if (!s) throw new Error(`Dockerfile has no stage ${name}`);
  return s;
};
/** A stage's lines including those it inherits from the stages it is built FROM. */
const inherited = (name: string): string[] => {
  const s = stage(name);
  const parent = dockerStages.find((st) => st.name === s.from);
  return [...(parent ? inherited(parent.name) : []), ...s.lines];
};

describe("the container image runs the deploy check's commands", () => {
  it("installs with npm ci and builds with `npm run build`, the script CI builds with", () => {
    const build = inherited("build");
    expect(build.filter((l) => l.startsWith("RUN "))).toEqual(["RUN npm ci --no-audit --no-fund", "RUN npm run build"]);
    expect(pkg.scripts.build).toBe(
      "next build && node scripts/build-worker.mjs && node scripts/assemble-standalone.mjs",
    );
  });

  it("CI's deploy check builds with `npm run build` and starts the servers through the deploy config", () => {
    const ci = read(".ci/run");
    const deployStep = ci.slice(ci.indexOf('step "deploy check'));
    expect(deployStep).toMatch(/\nnpm run build\n/);
    expect(deployStep).toMatch(/npx playwright test -c playwright\.deploy\.config\.ts/);
    expect(read("playwright.deploy.config.ts")).toContain('command: "node scripts/deploy-check-server.mjs"');
  });

  it("the build ships scripts/start.mjs into the standalone tree, which the deploy check starts", () => {
    const assemble = read("scripts/assemble-standalone.mjs");
    expect(assemble).toMatch(
      /copyFileSync\(path\.join\(ROOT, "scripts\/start\.mjs"\), path\.join\(out, "start\.mjs"\)\)/,
    );
    const check = read("scripts/deploy-check-server.mjs");
    expect(check).toContain('path.join(ROOT, ".next/standalone/start.mjs")');
    expect(check).toMatch(/spawn\(process\.execPath, \[server\], \{\s*cwd: path\.dirname\(server\)/);
    // `npm start` runs the very same file from the checkout.
    expect(pkg.scripts.start).toBe("node scripts/start.mjs");
  });

  it("the build ships the jobs worker into the standalone tree as worker.mjs, which compose's worker runs", () => {
    const assemble = read("scripts/assemble-standalone.mjs");
    expect(assemble).toMatch(/copyFileSync\(worker, path\.join\(out, "worker\.mjs"\)\)/);
    expect(read("scripts/build-worker.mjs")).toContain('outfile = path.join(ROOT, ".next/worker/worker.mjs")');
    expect(pkg.scripts.worker).toBe("node .next/worker/worker.mjs");
    const compose = read("compose.yaml");
    const worker = compose.match(/\n  worker:\n((?:    .*\n|\s*\n)+)/)?.[1] ?? "";
    expect(worker).toMatch(/build:\n\s+context: \.\n\s+target: run\n/);
    expect(worker).toContain('command: ["node", "worker.mjs"]');
    expect(worker).toContain('profiles: ["worker"]');
  });

  it("runs only the standalone tree with `node start.mjs` as an unprivileged user", () => {
    const run = stage("run");
    expect(run.from).toMatch(/^node:22/);
    expect(run.lines).toContain("WORKDIR /app");
    expect(run.lines).toContain("COPY --from=build --chown=node:node /app/.next/standalone ./");
    expect(run.lines).toContain("USER node");
    expect(run.lines.filter((l) => l.startsWith("CMD "))).toEqual(['CMD ["node", "start.mjs"]']);
    expect(run.lines.some((l) => l.startsWith("HEALTHCHECK") && l.includes("/api/health/ready"))).toBe(true);
    // HOSTNAME as start.mjs reads it (Docker would otherwise set it to the container's name).
    expect(run.lines.some((l) => /^ENV .*HOSTNAME=0\.0\.0\.0/.test(l))).toBe(true);
  });

  it("the tools stage runs the operator scripts of package.json", () => {
    const tools = stage("tools");
    expect(tools.from).toBe("build");
    expect(tools.lines).toContain('CMD ["npm", "run", "db:migrate"]');
    expect(pkg.scripts["db:migrate"]).toBeDefined();
  });

  it("compose builds those stages and does not override their commands", () => {
    const compose = read("compose.yaml");
    const service = (name: string) => {
      const m = compose.match(new RegExp(`\\n  ${name}:\\n((?:    .*\\n|\\s*\\n)+)`));
      if (!m) throw new Error(`compose.yaml has no service ${name}`);
      return m[1] ?? "";
    };
    expect(service("app")).toMatch(/build:\n\s+context: \.\n\s+target: run\n/);
    expect(service("tools")).toMatch(/build:\n\s+context: \.\n\s+target: tools\n/);
    for (const name of ["app", "tools"]) {
      expect(service(name)).not.toMatch(/^\s+(command|entrypoint):/m);
    }
    // The settings the deploy check gives the server are the ones compose passes.
    for (const variable of [
      "DATABASE_URL",
      "AUTH_SECRET",
      "ENCRYPTION_KEY",
      "APP_URL",
      "NEXTAUTH_URL",
      "SETUP_TOKEN",
    ]) {
      expect(compose).toMatch(new RegExp(`\\n  ${variable}: `));
    }
  });
});

/** @jest-environment node */
import fs from "node:fs";
import path from "node:path";

// A page that calls assertCan throws ForbiddenError into the error boundary (a 500-looking page for
// a Developer opening /hub/settings). Pages must use requireHubPermission / requireAccountPermission,
// which redirect to the "not permitted" notice the route table promises.
function pages(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return pages(full);
    return e.name === "page.tsx" || e.name === "layout.tsx" ? [full] : [];
  });
}

describe("denied pages answer with the not-permitted redirect, never the error boundary", () => {
  it("no page or layout under app/ calls assertCan directly", () => {
    const offenders = pages(path.join(process.cwd(), "app")).filter((file) =>
      /\bassertCan\s*\(/.test(fs.readFileSync(file, "utf8")),
    );
    expect(offenders.map((f) => path.relative(process.cwd(), f))).toEqual([]);
  });
});

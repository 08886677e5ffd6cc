// Reads the official SDK's typings (mangopay4-nodejs-sdk/typings) with the TypeScript compiler and
// turns each model interface into a shape: its keys, the literal values of its enum-typed fields, and
// the shapes of nested objects. The conformance test compares the emulator's answers with them.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface Shape {
  keys: Set<string>;
  /** Field → allowed literal values (only fields typed as a union of literals). */
  enums: Map<string, Array<string | number | boolean>>;
  /** Field → shape of the object (or array element) it holds. */
  nested: Map<string, Shape>;
}

const TYPINGS = path.join(process.cwd(), "node_modules/mangopay4-nodejs-sdk/typings");

/** `{ Name: "namespace.Interface" }` → shapes, e.g. `{ NaturalUser: "user.UserNaturalData" }`. */
export function sdkShapes(targets: Record<string, string>): Record<string, Shape> {
  const namespaces = [...new Set(Object.values(targets).map((t) => t.split(".")[0]))];
  const entry = path.join(TYPINGS, "__conformance_targets.ts");
  const source = [
    ...namespaces.map((ns) => `import { ${ns} } from "./models/${MODULE_OF[ns] ?? ns}";`),
    `export interface Targets {`,
    ...Object.entries(targets).map(([name, type]) => `  ${name}: ${type};`),
    `}`,
  ].join("\n");
  const options: ts.CompilerOptions = { strict: true, noEmit: true, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (path.resolve(file) === entry ? source : readFile(file));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === entry || fileExists(file);
  const program = ts.createProgram([entry], options, host);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(entry);
  if (!file) throw new Error("typings entry not loaded");
  const diagnostics = ts.getPreEmitDiagnostics(program, file);
  if (diagnostics.length > 0) throw new Error(ts.flattenDiagnosticMessageText(diagnostics[0].messageText, "\n"));
  const targetsDecl = file.statements.find(ts.isInterfaceDeclaration);
  if (!targetsDecl) throw new Error("no Targets interface");
  const out: Record<string, Shape> = {};
  for (const prop of checker.getPropertiesOfType(checker.getTypeAtLocation(targetsDecl))) {
    out[prop.name] = shapeOf(checker, checker.getTypeOfSymbolAtLocation(prop, targetsDecl), targetsDecl, 0);
  }
  return out;
}

/** Namespaces whose file name differs from the namespace name. */
const MODULE_OF: Record<string, string> = { cardPreAuthorization: "cardPreauthorization" };

function shapeOf(checker: ts.TypeChecker, type: ts.Type, at: ts.Node, depth: number): Shape {
  const shape: Shape = { keys: new Set(), enums: new Map(), nested: new Map() };
  for (const prop of checker.getPropertiesOfType(type)) {
    shape.keys.add(prop.name);
    if (depth > 3) continue;
    const propType = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(prop, at));
    const literals = literalValues(propType);
    if (literals) shape.enums.set(prop.name, literals);
    const objectType = objectPart(checker, propType);
    if (objectType) shape.nested.set(prop.name, shapeOf(checker, objectType, at, depth + 1));
  }
  return shape;
}

/** The literal values when the type is only literals (e.g. "A" | "B" | 1 | 2), else null. */
function literalValues(type: ts.Type): Array<string | number | boolean> | null {
  const parts = type.isUnion() ? type.types : [type];
  const values: Array<string | number | boolean> = [];
  for (const t of parts) {
    if (t.isStringLiteral() || t.isNumberLiteral()) values.push(t.value);
    else if (t.flags & ts.TypeFlags.BooleanLiteral)
      values.push((t as unknown as { intrinsicName: string }).intrinsicName === "true");
    else return null;
  }
  // A plain boolean is the union true | false: not an enum worth checking.
  return values.length > 0 && !values.every((v) => typeof v === "boolean") ? values : null;
}

/** The object (or array element object) type inside `type`, if any. */
function objectPart(checker: ts.TypeChecker, type: ts.Type): ts.Type | null {
  const parts = type.isUnion() ? type.types : [type];
  for (const t of parts) {
    if (checker.isArrayType(t)) {
      const element = checker.getTypeArguments(t as ts.TypeReference)[0];
      if (element && element.flags & ts.TypeFlags.Object) return element;
      continue;
    }
    if (t.flags & ts.TypeFlags.Object && checker.getPropertiesOfType(t).length > 0) return t;
  }
  return null;
}

export interface Violation {
  object: string;
  field: string;
  value: unknown;
  problem: string;
}

/**
 * Checks one answer against a shape: keys ⊆ typed keys + extras, enum values ∈ the SDK's enum, nested
 * objects likewise. `extras` are README-documented fields ("Field" or "Parent.Field") and enum values
 * ("Field=VALUE", or "Field=*" when the SDK types a free text field as an enum).
 */
export function conform(
  object: string,
  value: unknown,
  shape: Shape,
  extras: ReadonlySet<string>,
  prefix = "",
): Violation[] {
  if (value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return value.flatMap((item) => conform(object, item, shape, extras, prefix));
  const out: Violation[] = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (!shape.keys.has(key)) {
      if (!extras.has(field))
        out.push({
          object,
          field,
          value: v,
          problem: "field not in the SDK model nor documented in emulator/README.md",
        });
      continue;
    }
    const allowed = shape.enums.get(key);
    if (allowed && v !== null && v !== undefined) {
      for (const item of Array.isArray(v) ? v : [v]) {
        if (
          !allowed.includes(item as string | number) &&
          !extras.has(`${field}=${String(item)}`) &&
          !extras.has(`${field}=*`)
        ) {
          const shown =
            allowed.length > 12
              ? `${allowed.slice(0, 12).join(", ")}, … ${allowed.length - 12} more`
              : allowed.join(", ");
          out.push({ object, field, value: item, problem: `not in the SDK enum (${shown})` });
        }
      }
    }
    const nested = shape.nested.get(key);
    if (nested) out.push(...conform(object, v, nested, extras, field));
  }
  return out;
}

interface StoredShape {
  keys: string[];
  enums: Array<[string, Array<string | number | boolean>]>;
  nested: Array<[string, StoredShape]>;
}

const toStored = (s: Shape): StoredShape => ({
  keys: [...s.keys],
  enums: [...s.enums],
  nested: [...s.nested].map(([k, v]) => [k, toStored(v)]),
});
const fromStored = (s: StoredShape): Shape => ({
  keys: new Set(s.keys),
  enums: new Map(s.enums),
  nested: new Map(s.nested.map(([k, v]) => [k, fromStored(v)])),
});

/**
 * `sdkShapes` with a cache in node_modules/.cache keyed by the SDK version and the targets: compiling
 * the typings takes seconds, and every emulator test file checks its answers (see helpers.ts).
 */
export function cachedSdkShapes(targets: Record<string, string>): Record<string, Shape> {
  const sdkVersion = (JSON.parse(readFileSync(path.join(TYPINGS, "..", "package.json"), "utf8")) as { version: string })
    .version;
  const key = createHash("sha256")
    .update(JSON.stringify({ sdkVersion, targets, v: 1 }))
    .digest("hex")
    .slice(0, 16);
  const dir = path.join(process.cwd(), "node_modules/.cache/emulator-conformance");
  const file = path.join(dir, `${key}.json`);
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Record<string, StoredShape>;
    return Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, fromStored(v)]));
  } catch {
    const shapes = sdkShapes(targets);
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(Object.entries(shapes).map(([k, v]) => [k, toStored(v)]))));
    renameSync(tmp, file);
    return shapes;
  }
}

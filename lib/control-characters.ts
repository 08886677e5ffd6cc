// Text from people never carries control characters: a NUL byte cannot be stored by PostgreSQL (so an
// audit write would fail after the change), and the others forge log lines or hide text. Tab, line
// feed and carriage return are ordinary text.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

export const CONTROL_CHARACTER_MESSAGE =
  "Remove the control characters (invisible or special characters) from this field.";

export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/** Dotted paths of every string (keys included) in a payload that holds a control character. */
export function controlCharacterFields(value: unknown, path = ""): string[] {
  if (typeof value === "string") return hasControlCharacter(value) ? [path || "_"] : [];
  if (Array.isArray(value))
    return value.flatMap((v, i) => controlCharacterFields(v, path ? `${path}.${i}` : String(i)));
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([k, v]) => {
      const at = path ? `${path}.${k}` : k;
      return hasControlCharacter(k) ? [at] : controlCharacterFields(v, at);
    });
  }
  return [];
}

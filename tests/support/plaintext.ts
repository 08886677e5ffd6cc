// Proof that a stored secret is really encrypted: the stored text must not contain the plaintext
// as utf8, hex, base64 or base64url, whatever its byte alignment inside a longer encoded buffer.

/** The characters of `encoded` that depend only on the secret's bytes when it starts `offset` bytes in. */
function core(encoding: "base64" | "base64url", secret: Buffer, offset: number): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), secret]).toString(encoding);
  return encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + secret.length) * 8) / 6));
}

/** Every form in which `secret` could leak into stored text. */
export function plaintextForms(secret: string | Uint8Array): string[] {
  const bytes = Buffer.from(secret);
  const forms = [bytes.toString("utf8"), bytes.toString("hex")];
  for (const offset of [0, 1, 2]) forms.push(core("base64", bytes, offset), core("base64url", bytes, offset));
  return [...new Set(forms.filter((f) => f.length >= 6))];
}

/** The forms of any of `secrets` found in `stored` (case-insensitive for hex): must be []. */
export function plaintextLeaks(stored: string, ...secrets: (string | Uint8Array)[]): string[] {
  return secrets.flatMap((secret) => {
    const hex = Buffer.from(secret).toString("hex");
    return plaintextForms(secret).filter((form) =>
      form === hex ? stored.toLowerCase().includes(hex) : stored.includes(form),
    );
  });
}

// The text a PDF shows, for tests: inflates each content stream (pdf-lib writes them FlateDecode)
// and reads the strings of its Tj/TJ operators. Enough for the receipts, which use the standard
// Helvetica font (WinAnsi encoding): not a general PDF text extractor.
import { inflateSync } from "node:zlib";

// WinAnsi differs from Latin-1 in 0x80–0x9F; receipts only need the euro sign and typographic dashes.
const WIN_ANSI: Record<number, string> = { 0x80: "€", 0x96: "–", 0x97: "—", 0x91: "‘", 0x92: "’", 0x95: "•" };

function decode(bytes: number[]): string {
  return bytes.map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join("");
}

function literal(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? "";
    if (c !== "\\") {
      out.push(c.charCodeAt(0));
      continue;
    }
    const next = s[++i] ?? "";
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, "(": 40, ")": 41, "\\": 92 };
    if (next in escapes) out.push(escapes[next] ?? 0);
    else if (/[0-7]/.test(next)) {
      const oct = s.slice(i, i + 3).match(/^[0-7]{1,3}/)?.[0] ?? next;
      out.push(parseInt(oct, 8));
      i += oct.length - 1;
    }
  }
  return out;
}

const hex = (h: string) => (h.replace(/\s+/g, "").match(/../g) ?? []).map((x) => parseInt(x, 16));

/** Every shown string of every content stream, one line per Tj/TJ. */
export function pdfText(pdf: Uint8Array): string {
  const buf = Buffer.from(pdf);
  const src = buf.toString("latin1");
  const lines: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    const start = m.index + m[0].length;
    const end = src.indexOf("endstream", start);
    if (end < 0) break;
    const chunk = buf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(chunk).toString("latin1");
    } catch {
      content = chunk.toString("latin1");
    }
    for (const op of content.matchAll(/(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))\s*Tj|\[([^\]]*)\]\s*TJ/g)) {
      if (op[1]) lines.push(decode(op[1].startsWith("<") ? hex(op[1].slice(1, -1)) : literal(op[1].slice(1, -1))));
      else if (op[2])
        lines.push(
          [...op[2].matchAll(/<([0-9A-Fa-f\s]*)>|\(((?:\\.|[^\\)])*)\)/g)]
            .map((p) => decode(p[1] !== undefined ? hex(p[1]) : literal(p[2] ?? "")))
            .join(""),
        );
    }
    re.lastIndex = end;
  }
  return lines.join("\n");
}

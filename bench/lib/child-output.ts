// Waiting for a child process (an emulator started with --port 0) to print the line that says it is ready.
import type { ChildProcess } from "node:child_process";

/** The first line of `child`'s stdout matching `match`; rejects on timeout or a failed exit. */
export function readLine(child: ChildProcess, match: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${match}: ${out}`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => match.test(l));
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.on("exit", (code) => code !== 0 && reject(new Error(`child exited ${code}: ${out}`)));
  });
}

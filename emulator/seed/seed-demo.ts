// Deterministic demo data (filled in below in a later commit).
import type { Emulator } from "../core/emulator";

export function seedDemo(emu: Emulator, seed: number): Record<string, number> {
  void emu;
  void seed;
  return {};
}

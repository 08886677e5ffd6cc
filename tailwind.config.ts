// Tailwind 4 reads its theme from CSS; this file is loaded through `@config` in app/globals.css
// so that design tokens stay in one typed place.
import type { Config } from "tailwindcss";

const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      fontFamily: {
        sans: ["var(--font-geist-sans)", "ui-sans-serif", "system-ui", "sans-serif"],
        mono: ["var(--font-geist-mono)", "ui-monospace", "monospace"],
      },
      colors: {
        brand: { DEFAULT: "#ff5a36", 600: "#e64a27", 50: "#fff3f0" },
        production: { DEFAULT: "#b91c1c", 50: "#fef2f2" },
      },
    },
  },
};
export default config;

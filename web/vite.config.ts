// Builds the UI into TRYGNET_WEB_OUT (scripts/build-web.sh sets it to
// build/web), which `trygnet serve` serves beside the API. Everything is
// bundled: no CDN, the UI works with no internet.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.TRYGNET_WEB_OUT ?? "dist",
    emptyOutDir: true,
    sourcemap: false,
  },
});

# syntax=docker/dockerfile:1
# Multi-stage image of the dashboard. The build and start steps are the scripts CI runs without a
# container engine (.ci/run → "deploy check"): `npm ci`, `npm run build` (next build + the standalone
# tree), then `node start.mjs` inside .next/standalone (scripts/start.mjs, which `npm start` also runs:
# it signs the TCP peer's address for the app's rate limits and audit rows), which migrates the
# database at start. tests/unit/foundation/deploy-image.test.ts keeps these steps equal to CI's.

# ---- dependencies (postinstall runs `prisma generate`, so the schema comes first)
FROM node:22-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

# ---- build: the same `npm run build` as CI
FROM deps AS build
COPY . .
RUN npm run build

# ---- tools: full checkout for operator commands (npm run hub:create, keys:rotate, db:migrate)
FROM build AS tools
ENV NODE_ENV=production
USER node
CMD ["npm", "run", "db:migrate"]

# ---- run: only the standalone server, as an unprivileged user (the same image runs the jobs worker
#      with `node worker.mjs`: compose's worker service, README "App instances and the jobs worker")
FROM node:22-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "start.mjs"]

# The API image of docker-compose.yml: dependencies installed and the code compiled once, when the
# image is built (`docker compose build`, or the first `docker compose up`), not at every start.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Compile to dist/ (what `npm start` runs), then drop the build tools.
RUN node scripts/buildIfStale.mjs --force && npm prune --omit=dev --no-audit --no-fund
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
# The node flags of `npm start` (package.json): a young generation of 2 x 32 MB, where most of a
# request's rows and objects die before they are ever copied (docs/operators.md, "Memory").
CMD ["node", "--max-semi-space-size=32", "dist/src/cli.js", "serve"]

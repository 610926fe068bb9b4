# The app image for docker-compose.yml: Node 24 (the current LTS) on Debian 12. The code runs on Node 20.19+
# too (our development machines); package.json's engines say both.
FROM node:24-bookworm-slim
ENV NODE_ENV=production
# glibc arenas fragment under sharp's threads: peak RSS 438 MB → 276 MB for 50 × 24 MP (bench/derivatives).
ENV MALLOC_ARENA_MAX=2
WORKDIR /app
COPY package.json package-lock.json ./
# Dev dependencies too: the gallery is built with Vite in the image (npm start then finds it up to date).
RUN npm ci --no-audit --no-fund --include=dev
COPY . .
RUN npm run build:web
# pg_dump/pg_restore for `cli backup` (the client's major version must match the server's: 15).
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client-15 && rm -rf /var/lib/apt/lists/*
RUN mkdir -p /data /ledger && chown node:node /data /ledger
USER node
EXPOSE 3000
CMD ["npm", "start"]

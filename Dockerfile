# Build: docker build -t latchkey .
# Run:   docker run -p 127.0.0.1:8080:8080 -v latchkey-data:/var/lib/latchkey latchkey
# Base images are pinned by tag: the toolchain the code is built and tested with, and a dated Debian 12.
FROM rust:1.95.0-bookworm AS build
# OpenSSL (libssl-dev, pkg-config) for webauthn-rs; libpq for PostgreSQL.
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev libssl-dev pkg-config && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Dependencies first, against empty targets: this layer is rebuilt only when Cargo.toml or
# Cargo.lock change, not on every edit of the sources.
COPY Cargo.toml Cargo.lock ./
# The bundled SQLite's build flags (.cargo/config.toml) apply to the dependency layer too.
COPY .cargo ./.cargo
COPY tools/bench/Cargo.toml ./tools/bench/Cargo.toml
RUN mkdir -p src tools/bench/src \
    && echo 'fn main() {}' > src/main.rs \
    && touch src/lib.rs \
    && echo 'fn main() {}' > tools/bench/src/main.rs \
    && cargo build --release --locked --bin latchkey \
    && rm -rf src tools

COPY src ./src
COPY migrations ./migrations
COPY tools ./tools
# COPY keeps the files' own times, which may be older than the empty targets built above:
# touching them makes cargo rebuild the crate itself.
RUN touch src/main.rs src/lib.rs tools/bench/src/main.rs \
    && cargo build --release --locked --bin latchkey

# The sign-in app and the admin console (web/, on the typed client), served at /ui/.
FROM node:20-bookworm-slim AS web
WORKDIR /src
COPY clients/typescript ./clients/typescript
COPY web ./web
RUN npm ci --prefix clients/typescript && npm run --prefix clients/typescript build \
    && npm ci --prefix web && npm run --prefix web build

FROM debian:bookworm-20260824-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 libssl3 ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /var/lib/latchkey --create-home latchkey
COPY --from=build /src/target/release/latchkey /usr/local/bin/latchkey
COPY --from=web /src/web/dist /usr/share/latchkey/ui
USER latchkey
WORKDIR /var/lib/latchkey
ENV LATCHKEY_BIND=0.0.0.0:8080 LATCHKEY_DATA_DIR=/var/lib/latchkey LATCHKEY_UI_DIR=/usr/share/latchkey/ui
EXPOSE 8080
# `latchkey healthcheck` asks GET /healthz at LATCHKEY_BIND (0.0.0.0 is asked on 127.0.0.1):
# no HTTP client in the image.
HEALTHCHECK --interval=10s --timeout=5s --start-period=15s --retries=3 CMD ["latchkey", "healthcheck"]
ENTRYPOINT ["latchkey"]
CMD ["serve"]

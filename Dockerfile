# Build: docker build -t latchkey .
FROM rust:1-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY migrations ./migrations
COPY tools ./tools
RUN cargo build --release --bin latchkey

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /var/lib/latchkey --create-home latchkey
COPY --from=build /src/target/release/latchkey /usr/local/bin/latchkey
USER latchkey
WORKDIR /var/lib/latchkey
ENV LATCHKEY_BIND=0.0.0.0:8080 LATCHKEY_DATA_DIR=/var/lib/latchkey
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["latchkey"]
CMD ["serve"]

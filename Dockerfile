# The riveter image: the GitHub Action's container and a GitLab CI job image.
# Build: docker build -t riveter .   Run: docker run --rm -v "$PWD:/src" -w /src riveter scan -p aws-security

FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
# The sources and lock file CI tests (scripts/test, the release profile with --locked), built
# with the dist profile: the release build optimized across crates (Cargo.toml).
COPY Cargo.toml Cargo.lock build.rs ./
COPY src ./src
COPY rule-packs ./rule-packs
# Cargo.toml declares the benchmark, and cargo reads every declared target's path.
COPY benches ./benches
RUN cargo build --profile dist --locked \
    && strip target/dist/riveter

FROM debian:bookworm-slim
# git: the changed-files fallback and --changed-since; ca-certificates: the GitHub API over TLS;
# /bin/sh comes with the base image, which GitLab needs to run job scripts.
# Versions are not pinned so that a rebuild picks up Debian's security updates.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends git ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --uid 1001 --create-home --shell /bin/sh riveter
COPY --from=build /src/target/dist/riveter /usr/local/bin/riveter
# uid 1001 is the runner user of GitHub-hosted runners, which owns the workspace the Action
# writes its reports to; the image never runs as root.
USER 1001
ENTRYPOINT ["riveter"]
CMD ["--help"]

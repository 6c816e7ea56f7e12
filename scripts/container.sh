#!/usr/bin/env bash
# Builds the console's container image with the .NET SDK's own container support and writes it to a tarball, so no
# Docker daemon is needed: `docker load -i` / `podman load -i` / `skopeo copy docker-archive:` take it from there.
#
#   scripts/container.sh                     # artifacts/operator-console.tar.gz, base mcr.microsoft.com/dotnet/aspnet:10.0
#   CONTAINER_BASE_IMAGE=mirror.internal/dotnet/aspnet:10.0 scripts/container.sh
#   CONTAINER_TAG=1.4.0 CONTAINER_ARCHIVE=/tmp/oc.tar.gz scripts/container.sh
#
# The SDK pulls the base image's manifest and layers from its registry: that registry must be reachable.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
archive="${CONTAINER_ARCHIVE:-$root/artifacts/operator-console.tar.gz}"
tag="${CONTAINER_TAG:-latest}"
mkdir -p "$(dirname "$archive")"

args=(
  "$root/src/OperatorConsole.Web/OperatorConsole.Web.csproj"
  -c Release
  --os linux --arch "${CONTAINER_ARCH:-x64}"
  /t:PublishContainer
  "-p:ContainerArchiveOutputPath=$archive"
  "-p:ContainerImageTag=$tag"
)
if [[ -n "${CONTAINER_BASE_IMAGE:-}" ]]; then
  args+=("-p:ContainerBaseImage=$CONTAINER_BASE_IMAGE")
fi

dotnet publish "${args[@]}"
echo "Image operator-console:$tag written to $archive"

#!/usr/bin/env bash
# Regenerates Sources/RunLogs/Proto/tfevents.pb.swift from Sources/RunLogs/Proto/tfevents.proto.
#
# Run from anywhere: scripts/make_event_proto.sh
# Needs protoc (Debian's protobuf-compiler, installed here when missing) and builds protoc-gen-swift
# from apple/swift-protobuf at the version Package.swift names, into .build/protoc-gen-swift/. Only
# needed when the .proto changes: the generated file is committed, so building lossplot never runs this.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=1.39.0
PROTO_DIR=Sources/RunLogs/Proto
TOOLS=.build/protoc-gen-swift

if ! command -v protoc >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq protobuf-compiler
fi

if [ ! -d "$TOOLS/src" ]; then
  git -c advice.detachedHead=false clone -q --branch "$VERSION" https://github.com/apple/swift-protobuf "$TOOLS/src"
fi
swift build --package-path "$TOOLS/src" --scratch-path "$TOOLS/build" --product protoc-gen-swift
PLUGIN="$(swift build --package-path "$TOOLS/src" --scratch-path "$TOOLS/build" --show-bin-path)/protoc-gen-swift"

protoc --plugin=protoc-gen-swift="$PLUGIN" \
  --swift_opt=Visibility=Public --swift_opt=FileNaming=DropPath \
  --proto_path="$PROTO_DIR" --swift_out="$PROTO_DIR" \
  "$PROTO_DIR/tfevents.proto"
echo "wrote $PROTO_DIR/tfevents.pb.swift (protoc $(protoc --version | cut -d' ' -f2), swift-protobuf $VERSION)"

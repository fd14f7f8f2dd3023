#!/usr/bin/env python3
"""Lists the size-prefixed Kafka messages of one direction: offset, size field, and for requests the
header v1 fields (api key, version, correlation id, client id), for responses the correlation id.
Usage: kafka_messages.py FILE request|response"""
import struct, sys

APIS = {0: "Produce", 1: "Fetch", 3: "Metadata", 18: "ApiVersions", 22: "InitProducerId"}
data, kind = open(sys.argv[1], "rb").read(), sys.argv[2]
pos = 0
while pos < len(data):
    (size,) = struct.unpack_from(">i", data, pos)
    if kind == "request":
        key, version, corr, clen = struct.unpack_from(">hhih", data, pos + 4)
        client = data[pos + 14:pos + 14 + clen].decode() if clen >= 0 else None
        print(f"| {pos} | {size} | {APIS.get(key, key)} (key {key}) v{version} | correlation id {corr} | client id {client!r} |")
    else:
        (corr,) = struct.unpack_from(">i", data, pos + 4)
        print(f"| {pos} | {size} | response | correlation id {corr} |")
    pos += 4 + size
assert pos == len(data), (pos, len(data))

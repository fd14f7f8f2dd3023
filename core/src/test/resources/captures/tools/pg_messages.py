#!/usr/bin/env python3
"""Lists the PostgreSQL v3 messages of one direction: offset, type byte, length field, total size.

Usage: pg_messages.py FILE frontend|backend
Frontend: leading untyped messages (SSLRequest 80877103, StartupMessage 196608) then typed ones.
Backend: a single 'N' or 'S' byte (the answer to an SSLRequest) may come first.
"""
import struct, sys

data, side = open(sys.argv[1], "rb").read(), sys.argv[2]
pos = 0
if side == "backend" and data[:1] in (b"N", b"S") and len(data) > 1 and data[1:2] == b"R":
    print(f"| {pos} | `{data[:1].decode()}` (SSL answer) | - | 1 |"); pos = 1
while pos < len(data):
    if side == "frontend" and data[pos] == 0:
        length, code = struct.unpack_from(">ii", data, pos)
        name = {80877103: "SSLRequest", 196608: "StartupMessage v3.0"}.get(code, hex(code))
        print(f"| {pos} | untyped {name} | {length} | {length} |"); pos += length
    else:
        (length,) = struct.unpack_from(">i", data, pos + 1)
        extra = ""
        if data[pos:pos+1] == b"R":
            extra = " auth code " + str(struct.unpack_from(">i", data, pos + 5)[0])
        print(f"| {pos} | `{chr(data[pos])}`{extra} | {length} | {length + 1} |"); pos += 1 + length
assert pos == len(data), (pos, len(data))

#!/usr/bin/env python3
"""Lists the HTTP/2 frames of one direction (RFC 9113 §4.1): offset, type, flags, stream id, length.
A client file starts with the 24-byte connection preface. Usage: h2_frames.py FILE"""
import sys

TYPES = ["DATA", "HEADERS", "PRIORITY", "RST_STREAM", "SETTINGS", "PUSH_PROMISE", "PING", "GOAWAY",
         "WINDOW_UPDATE", "CONTINUATION"]
PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
data = open(sys.argv[1], "rb").read()
pos = 0
if data.startswith(PREFACE):
    print(f"| 0 | connection preface | | | | 24 |"); pos = 24
while pos < len(data):
    length = int.from_bytes(data[pos:pos + 3], "big")
    ftype, flags = data[pos + 3], data[pos + 4]
    stream = int.from_bytes(data[pos + 5:pos + 9], "big") & 0x7FFFFFFF
    print(f"| {pos} | {TYPES[ftype] if ftype < len(TYPES) else ftype} | 0x{flags:02x} | {stream} | {length} | {9 + length} |")
    pos += 9 + length
assert pos == len(data), (pos, len(data))

#!/usr/bin/env python3
"""Rewrites a classic pcap file in the other byte order (magic, header fields and every record header
swapped; packet bytes untouched). Usage: pcap_swap.py IN OUT"""
import struct, sys

data = open(sys.argv[1], "rb").read()
magic = data[:4]
order = {b"\xd4\xc3\xb2\xa1": "<", b"\x4d\x3c\xb2\xa1": "<", b"\xa1\xb2\xc3\xd4": ">", b"\xa1\xb2\x3c\x4d": ">"}[magic]
other = ">" if order == "<" else "<"
fields = struct.unpack_from(order + "IHHiIII", data, 0)
out = bytearray(struct.pack(other + "IHHiIII", *fields))
pos = 24
while pos < len(data):
    sec, frac, incl, orig = struct.unpack_from(order + "IIII", data, pos)
    out += struct.pack(other + "IIII", sec, frac, incl, orig)
    out += data[pos + 16:pos + 16 + incl]
    pos += 16 + incl
assert pos == len(data)
open(sys.argv[2], "wb").write(out)

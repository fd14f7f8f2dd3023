#!/usr/bin/env python3
"""Lists the CRLF-terminated lines of one direction with their offsets; fails on a bare LF or CR or on
trailing bytes without CRLF. Usage: crlf_lines.py FILE"""
import sys

data = open(sys.argv[1], "rb").read()
pos = n = 0
while pos < len(data):
    end = data.index(b"\r\n", pos)
    line = data[pos:end]
    assert b"\n" not in line and b"\r" not in line, (pos, line)
    n += 1
    print(f"| {n} | {pos} | {end - pos} | `{line.decode()}` |")
    pos = end + 2
print(f"{n} lines, {len(data)} bytes")

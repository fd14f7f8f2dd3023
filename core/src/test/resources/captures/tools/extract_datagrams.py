#!/usr/bin/env python3
"""Writes the UDP payload of each datagram of a capture to its own file, in capture order.

Usage: extract_datagrams.py CAPTURE NAME1 NAME2 ...   (one file name per datagram; refuses a count mismatch)
"""
import subprocess, sys

cap, names = sys.argv[1], sys.argv[2:]
rows = subprocess.run(["tshark", "-r", cap, "-Y", "udp", "-T", "fields", "-e", "udp.length", "-e", "udp.payload"],
                      check=True, capture_output=True, text=True).stdout.splitlines()
if len(rows) != len(names):
    sys.exit(f"{cap}: {len(rows)} datagrams, {len(names)} names")
for row, name in zip(rows, names):
    length, payload = row.split("\t")
    data = bytes.fromhex(payload.replace(":", ""))
    if len(data) != int(length) - 8:
        sys.exit(f"{cap}: payload of {len(data)} bytes, UDP length {length}")
    with open(name, "wb") as f:
        f.write(data)
    print(f"{name}: {len(data)} bytes")

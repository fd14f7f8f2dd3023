#!/usr/bin/env python3
"""Writes the TCP payload bytes of one capture, per direction, as raw files.

Usage: extract_streams.py CAPTURE SERVER_PORT CLIENT_OUT SERVER_OUT [STREAM_INDEX]

CLIENT_OUT receives, in capture order, the payload of every TCP segment sent to SERVER_PORT;
SERVER_OUT the payload of every segment sent from it. Only the given tcp.stream (default 0) is
written. Segments are taken as tshark lists them; the script refuses captures with data
retransmissions or out-of-order sequence numbers, so concatenation equals the byte stream.
"""
import subprocess, sys

cap, port, client_out, server_out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
stream = int(sys.argv[5]) if len(sys.argv) > 5 else 0
rows = subprocess.run(
    ["tshark", "-r", cap, "-o", "tcp.relative_sequence_numbers:FALSE", "-Y", f"tcp.stream == {stream}",
     "-T", "fields", "-E", "separator=;", "-e", "tcp.srcport", "-e", "tcp.dstport", "-e", "tcp.seq",
     "-e", "tcp.len", "-e", "tcp.payload", "-e", "tcp.analysis.retransmission",
     "-e", "tcp.analysis.out_of_order"],
    check=True, capture_output=True, text=True).stdout.splitlines()
out = {"c": bytearray(), "s": bytearray()}
next_seq = {}
for row in rows:
    src, dst, seq, length, payload, retrans, ooo = row.split(";")
    if int(length) == 0:
        continue
    if retrans or ooo:
        sys.exit(f"{cap}: retransmitted or out-of-order segment: {row}")
    side = "c" if int(dst) == port else "s"
    if side in next_seq and next_seq[side] != int(seq):
        sys.exit(f"{cap}: gap in {side} direction at seq {seq}")
    data = bytes.fromhex(payload.replace(":", ""))
    if len(data) != int(length):
        sys.exit(f"{cap}: payload of {len(data)} bytes, tcp.len {length} (snap length too small?)")
    out[side] += data
    next_seq[side] = int(seq) + len(data)
with open(client_out, "wb") as f:
    f.write(out["c"])
with open(server_out, "wb") as f:
    f.write(out["s"])
print(f"{client_out}: {len(out['c'])} bytes, {server_out}: {len(out['s'])} bytes")

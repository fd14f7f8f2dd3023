#!/usr/bin/env python3
"""Writes the TCP payload bytes of one capture, per direction, as raw files.

Usage: extract_streams.py CAPTURE SERVER_PORT CLIENT_OUT SERVER_OUT [STREAM_INDEX]

CLIENT_OUT receives, in capture order, the payload of every TCP segment sent to SERVER_PORT;
SERVER_OUT the payload of every segment sent from it. Only the given tcp.stream (default 0) is
written. Segments are taken in capture order by sequence number; a retransmitted segment is
skipped after checking it repeats the bytes already taken; a gap or overlap stops the script, so the
output equals the byte stream.
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
first_seq = {}
skipped = 0
for row in rows:
    src, dst, seq, length, payload, retrans, ooo = row.split(";")
    if int(length) == 0:
        continue
    side = "c" if int(dst) == port else "s"
    seq, data = int(seq), bytes.fromhex(payload.replace(":", ""))
    if len(data) != int(length):
        sys.exit(f"{cap}: payload of {len(data)} bytes, tcp.len {length} (snap length too small?)")
    first_seq.setdefault(side, seq)
    offset = seq - first_seq[side]
    if offset + len(data) <= len(out[side]):
        if out[side][offset:offset + len(data)] != data:
            sys.exit(f"{cap}: retransmitted segment at seq {seq} differs from the first copy")
        skipped += 1
        continue
    if offset != len(out[side]):
        sys.exit(f"{cap}: gap or overlap in the {side} direction at seq {seq}")
    out[side] += data
with open(client_out, "wb") as f:
    f.write(out["c"])
with open(server_out, "wb") as f:
    f.write(out["s"])
print(f"{client_out}: {len(out['c'])} bytes, {server_out}: {len(out['s'])} bytes"
      + (f" ({skipped} identical retransmitted segment(s) skipped)" if skipped else ""))

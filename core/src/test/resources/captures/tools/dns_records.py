#!/usr/bin/env python3
"""Lists the header, questions and resource records of one DNS message (RFC 1035 §4.1) with byte offsets,
following compression pointers (§4.1.4). Usage: dns_records.py FILE [--tcp] (--tcp: skip a 2-byte length)"""
import struct, sys

TYPES = {1: "A", 2: "NS", 5: "CNAME", 6: "SOA", 15: "MX", 16: "TXT", 28: "AAAA", 33: "SRV", 41: "OPT", 255: "ANY"}
data = open(sys.argv[1], "rb").read()
if "--tcp" in sys.argv:
    (length,) = struct.unpack_from(">H", data); data = data[2:]
    assert length == len(data), (length, len(data))

def name(pos):
    labels, end, jumps = [], None, 0
    while True:
        n = data[pos]
        if n >= 0xC0:
            if end is None: end = pos + 2
            pos = ((n & 0x3F) << 8) | data[pos + 1]; jumps += 1
            labels_ptr = True
            assert jumps < 32
        elif n == 0:
            return (".".join(labels) + "."), (end if end is not None else pos + 1)
        else:
            labels.append(data[pos + 1:pos + 1 + n].decode()); pos += 1 + n

ident, flags, qd, an, ns, ar = struct.unpack_from(">6H", data)
print(f"header: id 0x{ident:04x} flags 0x{flags:04x} rcode {flags & 15} QD {qd} AN {an} NS {ns} AR {ar}")
pos = 12
for _ in range(qd):
    start = pos; qname, pos = name(pos); qtype, qclass = struct.unpack_from(">HH", data, pos); pos += 4
    print(f"| {start} | question | {qname} | {TYPES.get(qtype, qtype)} | class {qclass} |")
for section, count in (("answer", an), ("authority", ns), ("additional", ar)):
    for _ in range(count):
        start = pos; rname, pos = name(pos)
        rtype, rclass, ttl, rdlen = struct.unpack_from(">HHIH", data, pos); pos += 10
        rdata = data[pos:pos + rdlen]
        if rtype == 1: value = ".".join(str(b) for b in rdata)
        elif rtype == 28: value = ":".join(rdata[i:i + 2].hex() for i in range(0, 16, 2))
        elif rtype in (2, 5): value = name(pos)[0]
        elif rtype == 15: value = f"{struct.unpack_from('>H', data, pos)[0]} {name(pos + 2)[0]}"
        elif rtype == 33: value = "{} {} {} ".format(*struct.unpack_from(">HHH", data, pos)) + name(pos + 6)[0]
        elif rtype == 6:
            m, p = name(pos); r, p = name(p); value = f"{m} {r} " + " ".join(map(str, struct.unpack_from(">5I", data, p)))
        elif rtype == 16:
            strings, p = [], 0
            while p < rdlen: strings.append(rdata[p + 1:p + 1 + rdata[p]].decode()); p += 1 + rdata[p]
            value = " ".join(f'"{s}"' for s in strings)
        elif rtype == 41: value = f"udp payload {rclass}, options {rdata.hex()}"
        else: value = rdata.hex()
        print(f"| {start} | {section} | {rname} | {TYPES.get(rtype, rtype)} | ttl {ttl} rdlength {rdlen}: {value} |")
        pos += rdlen
assert pos == len(data), (pos, len(data))
print(f"end at {pos} = message length")

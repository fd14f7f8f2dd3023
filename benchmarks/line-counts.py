#!/usr/bin/env python3
"""Counts the lines of each protocol's parser: the examples' layouts, records and field-reading code against
the hand-written ByteView parsers of the same fields. A counted line is non-blank, not a comment line
(starting with //, /*, * or */) and not a package or import line. Run from the repository root."""
import re

EX = "examples/src/main/java/io/bufkit/examples/"
BM = "benchmarks/src/main/java/io/bufkit/benchmarks/message/"
READS = BM + "LayoutReads.java"
RECORD_READS = BM + "RecordReads.java"


def lines(path, start=None, stop=None):
    text = open(path).read().splitlines()
    if start:
        first = next(i for i, l in enumerate(text) if re.search(start, l))
        last = next((i for i, l in enumerate(text) if i > first and stop and re.search(stop, l)), len(text) - 1)
        text = text[first:last]
    return sum(1 for l in text if l.strip() and not re.match(r"\s*(//|/\*|\*|\*/)", l)
               and not re.match(r"(package|import) ", l))


rows = [
    ("IPv4/UDP/TCP (+ICMP)", [EX + "Ipv4Packet.java"], [], [EX + "Ipv4.java"],
     (r"static void ipv4Tcp", r"static void dns"), BM + "HandIpv4Tcp.java"),
    ("DNS", [EX + "DnsMessage.java"], [EX + "DnsName.java"], [EX + "Dns.java"],
     (r"static void dns", r"static void postgres"), BM + "HandDns.java"),
    ("PostgreSQL bodies", [EX + "PostgresMessage.java"], [EX + "PgText.java"], [EX + "Postgres.java"],
     (r"static void postgres", r"static void mqtt"), BM + "HandPostgres.java"),
    ("MQTT CONNECT, PUBLISH", [EX + "MqttPacket.java"], [], [EX + "Mqtt.java"],
     (r"static void mqtt", None), BM + "HandMqtt.java"),
]
print("| protocol | layouts | user field kinds (decode and encode) | records | reading the fields via `Message` "
      "| hand-written parser | layouts / hand | (layouts + reading) / hand | (layouts + kinds + reading) / hand |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for name, layouts, kinds, records, (start, stop), hand in rows:
    lay = sum(lines(f) for f in layouts)
    kind = sum(lines(f) for f in kinds)
    rec = sum(lines(f) for f in records)
    read = lines(READS, start, stop)
    h = lines(hand)
    print(f"| {name} | {lay} | {kind} | {rec} | {read} | {h} | {lay / h:.2f} | {(lay + read) / h:.2f} "
          f"| {(lay + kind + read) / h:.2f} |")

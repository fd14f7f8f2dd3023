package io.bufkit.examples;

import io.bufkit.Bytes;
import io.bufkit.message.MessageCodec;
import java.util.List;

/**
 * A DNS message (RFC 1035 §4.1) as records, decoded and encoded by a {@link MessageCodec} derived from
 * {@link DnsMessage#LAYOUT}: components are named like the layout's parts and fields, the counts and
 * {@code rdlength} are left out (encoding computes them), and {@code class}, a Java keyword, is
 * {@code class_}.
 *
 * @param header the header's id and flags
 * @param questions the question section
 * @param answers the answer section
 * @param authority the authority section
 * @param additional the additional section
 */
public record Dns(Header header, List<Question> questions, List<Rr> answers, List<Rr> authority,
        List<Rr> additional) {

    /**
     * Decodes DNS messages into {@code Dns} records and encodes them back (names compressed, see
     * {@link DnsName}); decodes through the generated {@link DnsDecoder}.
     */
    public static final MessageCodec<Dns> CODEC = MessageCodec.of(DnsMessage.LAYOUT, Dns.class)
            .withDecoder(new DnsDecoder());

    /**
     * The header's fields that are not counts.
     *
     * @param id the query id
     * @param flags QR, opcode, AA, TC, RD, RA, Z, AD, CD and RCODE as one 16-bit value
     */
    public record Header(int id, int flags) {
    }

    /**
     * One question.
     *
     * @param name the queried name, dotted
     * @param q its type and class
     */
    public record Question(String name, TypeAndClass q) {
    }

    /**
     * A question's type and class.
     *
     * @param type QTYPE
     * @param class_ QCLASS
     */
    public record TypeAndClass(int type, int class_) {
    }

    /**
     * One resource record.
     *
     * @param name the owner name, dotted
     * @param rr its type, class and TTL
     * @param rdata its data, chosen by type
     */
    public record Rr(String name, RrFields rr, Rdata rdata) {
    }

    /**
     * A resource record's fixed fields; {@code rdlength} is computed.
     *
     * @param type TYPE
     * @param class_ CLASS
     * @param ttl TTL in seconds
     */
    public record RrFields(int type, int class_, int ttl) {
    }

    /** Record data, one record per alternative of the layout's {@code rdata} choice. */
    public sealed interface Rdata permits Address, Name, Mx, Soa, Srv, Unknown {
    }

    /**
     * A or AAAA data.
     *
     * @param address 4 or 16 address bytes, owned
     */
    public record Address(Bytes address) implements Rdata {
    }

    /**
     * NS, CNAME or PTR data.
     *
     * @param target the name, dotted
     */
    public record Name(String target) implements Rdata {
    }

    /**
     * MX data.
     *
     * @param preference lower is preferred
     * @param exchange the mail exchange, dotted
     */
    public record Mx(int preference, String exchange) implements Rdata {
    }

    /**
     * SOA data (RFC 1035 §3.3.13).
     *
     * @param mname the primary name server, dotted
     * @param rname the mailbox of the person responsible, dotted
     * @param times the serial number and the zone's timers
     */
    public record Soa(String mname, String rname, SoaTimes times) implements Rdata {
    }

    /**
     * An SOA record's serial number and timers, unsigned 32-bit values.
     *
     * @param serial the zone's version
     * @param refresh seconds before the zone is refreshed
     * @param retry seconds before a failed refresh is retried
     * @param expire seconds after which the zone is no longer authoritative
     * @param minimum the TTL of negative answers (RFC 2308)
     */
    public record SoaTimes(long serial, long refresh, long retry, long expire, long minimum) {
    }

    /**
     * SRV data (RFC 2782).
     *
     * @param srv the priority, weight and port
     * @param target the host, dotted; written uncompressed
     */
    public record Srv(SrvFields srv, String target) implements Rdata {
    }

    /**
     * An SRV record's fixed fields.
     *
     * @param priority lower is tried first
     * @param weight the share among targets of one priority
     * @param port the service's port
     */
    public record SrvFields(int priority, int weight, int port) {
    }

    /**
     * Data of a type the layout does not know, kept raw.
     *
     * @param data the RDATA bytes, owned
     */
    public record Unknown(Bytes data) implements Rdata {
    }
}

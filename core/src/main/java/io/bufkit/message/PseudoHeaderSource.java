package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.layout.LayoutField;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * A {@link PseudoHeader} resolved against the sections of the level that declares it: where its address
 * and protocol fields lie, and how to put the pseudo-header together from the bytes of the level.
 */
final class PseudoHeaderSource {
    /** The protocol number of UDP, whose checksum 0 means none over IPv4 (RFC 768). */
    static final int UDP = 17;

    final PseudoHeader header;
    private final SectionPart srcSection;
    private final int srcOffset;
    private final SectionPart dstSection;
    private final int dstOffset;
    private final SectionPart protocolSection;
    private final int protocolOffset;

    private PseudoHeaderSource(PseudoHeader header, LayoutField[] fields, SectionPart[] sections) {
        this.header = header;
        this.srcSection = sections[0];
        this.srcOffset = fields[0].offset();
        this.dstSection = sections[1];
        this.dstOffset = fields[1].offset();
        this.protocolSection = sections[2];
        this.protocolOffset = fields[2].offset();
    }

    /**
     * Resolves {@code header}'s paths against the sections among {@code parts} (of level {@code level})
     * declared before part {@code before}, checking each field's width.
     */
    static PseudoHeaderSource resolve(String level, List<Part> parts, Map<String, Integer> index, int before,
            PseudoHeader header) {
        String[] paths = {header.srcPath(), header.dstPath(), header.protocolPath()};
        int[] widths = {header.addressWidth(), header.addressWidth(), 1};
        String[] roles = {"source address", "destination address", header.isIpv6() ? "next header" : "protocol"};
        LayoutField[] fields = new LayoutField[3];
        SectionPart[] sections = new SectionPart[3];
        for (int k = 0; k < 3; k++) {
            String path = paths[k];
            int dot = path.indexOf('.');
            Integer at = dot < 0 ? null : index.get(path.substring(0, dot));
            if (at == null || at >= before || !(parts.get(at) instanceof SectionPart section)) {
                throw new IllegalArgumentException(level + ": the pseudo-header's " + roles[k] + " " + path
                        + " names no section declared before the part it is supplied to; path is section.field");
            }
            String name = path.substring(dot + 1);
            String role = roles[k];
            LayoutField field = section.layout.fields().stream().filter(f -> f.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(level + ": the pseudo-header's " + role
                            + " " + path + " names no field of section " + section.name + "; its fields are "
                            + section.layout.fields().stream().map(LayoutField::name).toList()));
            if (field.width() != widths[k]) {
                throw new IllegalArgumentException(level + ": the pseudo-header's " + roles[k] + " " + path
                        + " is " + field.width() + " bytes wide; " + header + " needs " + widths[k]);
            }
            fields[k] = field;
            sections[k] = section;
        }
        return new PseudoHeaderSource(header, fields, sections);
    }

    /** The protocol or next header, read from {@code bytes} where each section starts at {@code start}. */
    int protocol(ByteView bytes, IntUnaryOperator start) {
        return bytes.u8(start.applyAsInt(protocolSection.index) + protocolOffset);
    }

    /**
     * The pseudo-header for an upper-layer {@code length}, owned, built from {@code bytes} where section
     * part {@code i} of the declaring level starts at {@code start.applyAsInt(i)}.
     */
    ByteView bytes(ByteView bytes, IntUnaryOperator start, int length) {
        int w = header.addressWidth();
        MutableByteView out = MutableByteView.allocate(header.isIpv6() ? 40 : 12);
        int src = start.applyAsInt(srcSection.index) + srcOffset;
        int dst = start.applyAsInt(dstSection.index) + dstOffset;
        out.put(0, bytes.slice(src, src + w));
        out.put(w, bytes.slice(dst, dst + w));
        int protocol = protocol(bytes, start);
        if (header.isIpv6()) {
            out.putU32be(32, length);
            out.putU8(39, protocol);
        } else {
            out.putU8(9, protocol);
            out.putU16be(10, length);
        }
        return out;
    }

    /** Whether a checksum of 0 received with this protocol means "no checksum" (UDP over IPv4). */
    boolean zeroMeansNone(int protocol) {
        return protocol == UDP && !header.isIpv6();
    }
}

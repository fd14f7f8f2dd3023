package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.checksum.Crc;
import io.bufkit.checksum.InternetChecksum;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The {@link ChecksumField} implementation for every algorithm.
 *
 * @param info the field's description
 * @param pseudoHeader whether the checksum covers a pseudo-header
 */
record ChecksumHandle(FieldInfo info, boolean pseudoHeader) implements ChecksumField, Handle {

    @Override
    public long get(ByteView packet) {
        int o = info.offset();
        return switch (info.kind()) {
            case INTERNET_CHECKSUM -> packet.u16be(o);
            case CRC32BE, CRC32CBE -> packet.u32be(o);
            default -> packet.u32le(o);
        };
    }

    @Override
    public long compute(ByteView packet) {
        requirePseudoHeader(false);
        return computed(null, packet);
    }

    @Override
    public long compute(ByteView pseudo, ByteView packet) {
        requirePseudoHeader(true);
        return computed(pseudo, packet);
    }

    @Override
    public long computeApart(ByteView data) {
        requirePseudoHeader(false);
        return computed(null, data, null);
    }

    private long computed(ByteView pseudo, ByteView packet) {
        // the field is at an even offset, so for the Internet checksum the bytes after it start a 16-bit word too
        return computed(pseudo, packet.slice(0, info.offset()), packet.slice(info.end(), packet.length()));
    }

    /** The checksum over a pseudo-header (or null), then the bytes before the field and those after it (or null). */
    private long computed(ByteView pseudo, ByteView before, ByteView after) {
        if (info.kind() == WireType.INTERNET_CHECKSUM) {
            long sum = pseudo == null ? 0 : InternetChecksum.add(0, pseudo);
            sum = InternetChecksum.add(sum, before);
            sum = after == null ? sum : InternetChecksum.add(sum, after);
            return ~InternetChecksum.fold(sum) & 0xFFFF;
        }
        Checksum crc = info.kind() == WireType.CRC32BE || info.kind() == WireType.CRC32LE ? new CRC32() : new CRC32C();
        Crc.update(crc, before);
        if (after != null) {
            Crc.update(crc, after);
        }
        return crc.getValue();
    }

    /** The Internet checksum is checked as RFC 1071 says: the whole packet sums to all ones. */
    @Override
    public boolean verify(ByteView packet) {
        requirePseudoHeader(false);
        return info.kind() == WireType.INTERNET_CHECKSUM ? InternetChecksum.verify(packet)
                : computed(null, packet) == get(packet);
    }

    @Override
    public boolean verify(ByteView pseudo, ByteView packet) {
        requirePseudoHeader(true);
        return info.kind() == WireType.INTERNET_CHECKSUM ? InternetChecksum.verify(pseudo, packet)
                : computed(pseudo, packet) == get(packet);
    }

    @Override
    public void fill(MutableByteView packet) {
        store(packet, compute(packet));
    }

    @Override
    public void fill(ByteView pseudo, MutableByteView packet) {
        store(packet, compute(pseudo, packet));
    }

    @Override
    public void set(MutableByteView packet, long value) {
        store(packet, value);
    }

    private void store(MutableByteView packet, long value) {
        int o = info.offset();
        switch (info.kind()) {
            case INTERNET_CHECKSUM -> packet.putU16be(o, (int) value);
            case CRC32BE, CRC32CBE -> packet.putU32be(o, value);
            default -> packet.putU32le(o, value);
        }
    }

    @Override
    public boolean needsPseudoHeader() {
        return pseudoHeader;
    }

    private void requirePseudoHeader(boolean given) {
        if (given != pseudoHeader) {
            throw new IllegalStateException("layout '" + info.layoutName() + "', " + info.where() + (pseudoHeader
                    ? " covers a pseudo-header; pass it" : " covers no pseudo-header; call the method without one"));
        }
    }

    /** The stored value in hex, as wide as the field. */
    String hex(long value) {
        String h = Long.toHexString(value);
        return "0x" + "0".repeat(Math.max(0, 2 * info.width() - h.length())) + h;
    }

    /** What {@code describe} and {@code validate} say about the stored checksum, or null when it is right. */
    String mismatch(ByteView packet) {
        return verify(packet) ? null : "expected " + hex(compute(packet)) + " but was " + hex(get(packet));
    }

    @Override
    public String format(ByteView packet) {
        String stored = hex(get(packet));
        if (pseudoHeader) {
            return stored + " (checked with the pseudo-header, through the handle)";
        }
        String wrong = mismatch(packet);
        return wrong == null ? stored + ", ok" : wrong;
    }

    @Override
    public String formatExpected() {
        throw new IllegalStateException("a checksum field has no constant");
    }

    @Override
    public boolean holdsExpected(ByteView packet) {
        throw new IllegalStateException("a checksum field has no constant");
    }

    @Override
    public void writeExpected(MutableByteView packet) {
        throw new IllegalStateException("a checksum field has no constant");
    }

    @Override
    public String toString() {
        return describe();
    }
}

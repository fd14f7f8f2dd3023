package io.bufkit.checksum;

import io.bufkit.ByteView;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * CRC-32 (ISO-HDLC: zip, PNG, Ethernet) and CRC-32C (Castagnoli: iSCSI, SCTP, ext4) of views, computed by
 * {@link java.util.zip.CRC32} and {@link java.util.zip.CRC32C}.
 */
public final class Crc {

    private Crc() {
    }

    /**
     * The CRC-32 of a view's bytes.
     *
     * @param data the bytes, borrowed for the call
     * @return the CRC, 0 to 2<sup>32</sup>-1
     */
    public static long crc32(ByteView data) {
        return update(new CRC32(), data).getValue();
    }

    /**
     * The CRC-32C of a view's bytes.
     *
     * @param data the bytes, borrowed for the call
     * @return the CRC, 0 to 2<sup>32</sup>-1
     */
    public static long crc32c(ByteView data) {
        return update(new CRC32C(), data).getValue();
    }

    /**
     * Adds a view's bytes to a running {@link Checksum}, such as a {@code CRC32} over several views.
     *
     * @param checksum the running checksum
     * @param data the bytes, borrowed for the call
     * @return {@code checksum}
     */
    public static Checksum update(Checksum checksum, ByteView data) {
        checksum.update(data.asReadOnlyByteBuffer());
        return checksum;
    }
}

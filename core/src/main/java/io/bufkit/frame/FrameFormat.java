package io.bufkit.frame;

import io.bufkit.Bytes;
import io.bufkit.internal.frame.DelimiterFraming;
import io.bufkit.internal.frame.FixedLengthFraming;
import io.bufkit.internal.frame.Framing;
import io.bufkit.internal.frame.LengthFieldFraming;
import io.bufkit.internal.frame.VarintFraming;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * How a byte stream is split into frames: a length field, a varint length, delimiters, lines, or a fixed
 * length. Each factory's parameters are named after the Netty decoder it mirrors and mean what Netty's
 * mean, boundaries included:
 *
 * <table>
 * <caption>Netty decoders and their bufkit formats</caption>
 * <tr><th>Netty</th><th>bufkit</th></tr>
 * <tr><td>{@code LengthFieldBasedFrameDecoder(order, maxFrameLength, lengthFieldOffset, lengthFieldLength,
 *     lengthAdjustment, initialBytesToStrip, failFast)}</td>
 *     <td>{@code lengthField().byteOrder(order).maxFrameLength(..).lengthOffset(..).lengthWidth(..)
 *     .lengthAdjustment(..).stripBytes(..).build()}; always fails fast</td></tr>
 * <tr><td>{@code ProtobufVarint32FrameDecoder}</td><td>{@code varintLength().build()}</td></tr>
 * <tr><td>{@code DelimiterBasedFrameDecoder(maxFrameLength, stripDelimiter, failFast, delimiters...)}</td>
 *     <td>{@code delimited(delimiters...).stripDelimiter(..).maxFrameLength(..).build()}</td></tr>
 * <tr><td>{@code LineBasedFrameDecoder(maxLength, stripDelimiter, failFast)}</td>
 *     <td>{@code lines().stripDelimiter(..).maxFrameLength(..).build()}</td></tr>
 * <tr><td>{@code FixedLengthFrameDecoder(frameLength)}</td><td>{@code fixedLength(frameLength)}</td></tr>
 * </table>
 *
 * <p><b>Headers with fields around the length.</b> Fields before the length field (a type, a tag) are
 * {@code lengthOffset} bytes; fields between the length field and the payload (HTTP/2's type, flags and
 * stream id after its 24-bit length) are counted by a positive {@code lengthAdjustment}, since the length
 * field does not count them. HTTP/2 (RFC 9113 §4.1) is {@code lengthField().lengthWidth(3)
 * .lengthAdjustment(6)}: the 9-byte header is lent with each frame, and its fields are read from the frame
 * at their constant offsets (with a {@link io.bufkit.layout.PacketLayout} or plain reads).
 *
 * <p>Instances are immutable, thread-safe and compare by value.
 */
public final class FrameFormat {

    /** The default maximum frame length of every builder: 1 MiB. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 1 << 20;

    /** The largest maximum frame length: the largest array a JVM reliably allocates. */
    public static final int LARGEST_FRAME_LENGTH = Integer.MAX_VALUE - 16;

    private final Framing framing;
    private final String description;
    private final int maxFrameLength;

    private FrameFormat(Framing framing, String description, int maxFrameLength) {
        this.framing = framing;
        this.description = description;
        this.maxFrameLength = maxFrameLength;
    }

    /**
     * Starts a format whose frames carry their length in a fixed-width field: Netty's
     * {@code LengthFieldBasedFrameDecoder}. Defaults: offset 0, width 4, big-endian, adjustment 0, strip 0,
     * maximum {@link #DEFAULT_MAX_FRAME_LENGTH}.
     *
     * @return a new builder
     */
    public static LengthFieldBuilder lengthField() {
        return new LengthFieldBuilder();
    }

    /**
     * Starts a format whose frames carry their length as an unsigned LEB128 varint: protobuf's delimited
     * messages (Netty's {@code ProtobufVarint32FrameDecoder}), MQTT's remaining length. Defaults: offset 0,
     * at most 5 varint bytes, header stripped, maximum {@link #DEFAULT_MAX_FRAME_LENGTH}.
     *
     * @return a new builder
     */
    public static VarintBuilder varintLength() {
        return new VarintBuilder();
    }

    /**
     * Starts a format whose frames end at one of {@code delimiters}: Netty's
     * {@code DelimiterBasedFrameDecoder}. The delimiter giving the shortest frame wins; at the same
     * position, the one listed first. Defaults: delimiter stripped, maximum {@link #DEFAULT_MAX_FRAME_LENGTH}.
     *
     * @param delimiters one or more delimiters, each at least one byte (at most 255 of them)
     * @return a new builder
     * @throws IllegalArgumentException if no delimiter is given, or one is empty
     */
    public static DelimitedBuilder delimited(Bytes... delimiters) {
        Objects.requireNonNull(delimiters, "delimiters");
        if (delimiters.length == 0 || delimiters.length > 255) {
            throw new IllegalArgumentException("1 to 255 delimiters are needed, not " + delimiters.length);
        }
        byte[][] copies = new byte[delimiters.length][];
        for (int i = 0; i < delimiters.length; i++) {
            copies[i] = Objects.requireNonNull(delimiters[i], "delimiter").toByteArray();
            if (copies[i].length == 0) {
                throw new IllegalArgumentException("delimiter " + i + " is empty");
            }
        }
        return new DelimitedBuilder(copies, false);
    }

    /**
     * Starts a format of lines ending in LF or CRLF: Netty's {@code LineBasedFrameDecoder}; the same as
     * {@code delimited(CRLF, LF)}. {@code maxFrameLength} bounds a line without its line ending. Defaults:
     * line ending stripped, maximum {@link #DEFAULT_MAX_FRAME_LENGTH}.
     *
     * @return a new builder
     */
    public static DelimitedBuilder lines() {
        return new DelimitedBuilder(new byte[][] {{'\r', '\n'}, {'\n'}}, true);
    }

    /**
     * A format of frames of {@code length} bytes each: Netty's {@code FixedLengthFrameDecoder}.
     *
     * @param length the length of every frame, 1 or more
     * @return the format
     * @throws IllegalArgumentException if {@code length} is not positive
     */
    public static FrameFormat fixedLength(int length) {
        if (length < 1 || length > LARGEST_FRAME_LENGTH) {
            throw new IllegalArgumentException("fixed frame length " + length + " is outside 1 to " + LARGEST_FRAME_LENGTH);
        }
        return new FrameFormat(new FixedLengthFraming(length), "FrameFormat.fixedLength(" + length + ")", length);
    }

    /**
     * The largest frame this format accepts: for length fields and varints the whole frame with its header,
     * before stripping; for delimiters and lines the frame without its delimiter; for fixed lengths the length.
     *
     * @return the maximum in bytes
     */
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /** The header strategy behind this format. */
    Framing framing() {
        return framing;
    }

    /**
     * Value equality: same kind and parameters.
     *
     * @param o the other object
     * @return {@code true} if {@code o} is an equal format
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof FrameFormat && ((FrameFormat) o).description.equals(description);
    }

    /**
     * A hash consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return description.hashCode();
    }

    /**
     * Describes the format with all its parameters, for example
     * {@code FrameFormat.lengthField(offset 0, width 4, BIG_ENDIAN, adjustment -4, strip 0, max 1048576)}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return description;
    }

    private static int checkMax(int max) {
        if (max < 1 || max > LARGEST_FRAME_LENGTH) {
            throw new IllegalArgumentException("maxFrameLength " + max + " is outside 1 to " + LARGEST_FRAME_LENGTH);
        }
        return max;
    }

    /**
     * Builds a length-field {@link FrameFormat}, parameter for parameter as Netty's
     * {@code LengthFieldBasedFrameDecoder}. Not thread-safe; {@link #build()} may be called repeatedly.
     */
    public static final class LengthFieldBuilder {
        private int lengthOffset;
        private int lengthWidth = 4;
        private ByteOrder byteOrder = ByteOrder.BIG_ENDIAN;
        private int lengthAdjustment;
        private int stripBytes;
        private int maxFrameLength = DEFAULT_MAX_FRAME_LENGTH;

        private LengthFieldBuilder() {
        }

        /**
         * Sets the bytes before the length field (Netty's {@code lengthFieldOffset}).
         *
         * @param offset 0 or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public LengthFieldBuilder lengthOffset(int offset) {
            if (offset < 0) {
                throw new IllegalArgumentException("lengthOffset " + offset + " is negative");
            }
            lengthOffset = offset;
            return this;
        }

        /**
         * Sets the width of the length field (Netty's {@code lengthFieldLength}). Fields of 1 to 4 bytes are
         * unsigned; an 8-byte field is signed, and a negative one is corrupt.
         *
         * @param width 1, 2, 3, 4 or 8 bytes
         * @return this builder
         * @throws IllegalArgumentException for any other width
         */
        public LengthFieldBuilder lengthWidth(int width) {
            if (width < 1 || width > 4 && width != 8) {
                throw new IllegalArgumentException("lengthWidth " + width + " is not 1, 2, 3, 4 or 8 bytes");
            }
            lengthWidth = width;
            return this;
        }

        /**
         * Sets the byte order of the length field.
         *
         * @param order {@link ByteOrder#BIG_ENDIAN} or {@link ByteOrder#LITTLE_ENDIAN}
         * @return this builder
         */
        public LengthFieldBuilder byteOrder(ByteOrder order) {
            byteOrder = Objects.requireNonNull(order, "order");
            return this;
        }

        /**
         * Sets the number added to the length field to give the bytes after the length field (Netty's
         * {@code lengthAdjustment}): -4 when a 4-byte length counts itself (PostgreSQL), 6 for HTTP/2's
         * fields after its length. Any value is valid; a frame whose adjusted length comes out shorter than
         * its header is rejected when it arrives, as Netty does.
         *
         * @param adjustment the adjustment
         * @return this builder
         */
        public LengthFieldBuilder lengthAdjustment(int adjustment) {
            lengthAdjustment = adjustment;
            return this;
        }

        /**
         * Sets how many leading bytes of each frame are not handed out (Netty's {@code initialBytesToStrip}).
         *
         * @param strip 0 or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public LengthFieldBuilder stripBytes(int strip) {
            if (strip < 0) {
                throw new IllegalArgumentException("stripBytes " + strip + " is negative");
            }
            stripBytes = strip;
            return this;
        }

        /**
         * Sets the largest frame accepted, counting the whole frame with its header, before stripping
         * (Netty's {@code maxFrameLength}).
         *
         * @param max 1 to {@link #LARGEST_FRAME_LENGTH}
         * @return this builder
         * @throws IllegalArgumentException if outside that range
         */
        public LengthFieldBuilder maxFrameLength(int max) {
            maxFrameLength = checkMax(max);
            return this;
        }

        /**
         * Builds the format.
         *
         * @return the format
         * @throws IllegalArgumentException if {@code maxFrameLength} is below {@code lengthOffset +
         *     lengthWidth}, as Netty requires
         */
        public FrameFormat build() {
            if (lengthOffset > maxFrameLength - lengthWidth) {
                throw new IllegalArgumentException("maxFrameLength (" + maxFrameLength + ") must be at least lengthOffset ("
                        + lengthOffset + ") + lengthWidth (" + lengthWidth + ")");
            }
            boolean big = byteOrder == ByteOrder.BIG_ENDIAN;
            return new FrameFormat(
                    new LengthFieldFraming(0, lengthOffset, lengthWidth, big, lengthAdjustment, stripBytes, maxFrameLength),
                    "FrameFormat.lengthField(offset " + lengthOffset + ", width " + lengthWidth + ", " + byteOrder
                            + ", adjustment " + lengthAdjustment + ", strip " + stripBytes + ", max " + maxFrameLength + ")",
                    maxFrameLength);
        }
    }

    /**
     * Builds a varint-length {@link FrameFormat}. Not thread-safe; {@link #build()} may be called repeatedly.
     */
    public static final class VarintBuilder {
        private int lengthOffset;
        private int maxLengthBytes = 5;
        private boolean stripHeader = true;
        private int maxFrameLength = DEFAULT_MAX_FRAME_LENGTH;

        private VarintBuilder() {
        }

        /**
         * Sets the bytes before the varint: 1 for MQTT's fixed header, whose first byte is the packet type
         * and flags.
         *
         * @param offset 0 or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public VarintBuilder lengthOffset(int offset) {
            if (offset < 0) {
                throw new IllegalArgumentException("lengthOffset " + offset + " is negative");
            }
            lengthOffset = offset;
            return this;
        }

        /**
         * Sets the most bytes the varint may take: 5 for protobuf's 32-bit lengths, 4 for MQTT's remaining
         * length (MQTT 3.1.1 §2.2.3). A varint whose last allowed byte has its continuation bit set is corrupt.
         *
         * @param max 1 to 5
         * @return this builder
         * @throws IllegalArgumentException if outside that range
         */
        public VarintBuilder maxLengthBytes(int max) {
            if (max < 1 || max > 5) {
                throw new IllegalArgumentException("maxLengthBytes " + max + " is outside 1 to 5");
            }
            maxLengthBytes = max;
            return this;
        }

        /**
         * Sets whether the bytes up to the end of the varint are left out of each frame handed out: {@code true}
         * (the default) as Netty's {@code ProtobufVarint32FrameDecoder}, {@code false} to see MQTT's fixed
         * header.
         *
         * @param strip whether to strip the header
         * @return this builder
         */
        public VarintBuilder stripHeader(boolean strip) {
            stripHeader = strip;
            return this;
        }

        /**
         * Sets the largest frame accepted, counting the whole frame with its header.
         *
         * @param max 1 to {@link #LARGEST_FRAME_LENGTH}
         * @return this builder
         * @throws IllegalArgumentException if outside that range
         */
        public VarintBuilder maxFrameLength(int max) {
            maxFrameLength = checkMax(max);
            return this;
        }

        /**
         * Builds the format.
         *
         * @return the format
         */
        public FrameFormat build() {
            return new FrameFormat(new VarintFraming(lengthOffset, maxLengthBytes, stripHeader, maxFrameLength),
                    "FrameFormat.varintLength(offset " + lengthOffset + ", at most " + maxLengthBytes + " byte(s), "
                            + (stripHeader ? "header stripped" : "header kept") + ", max " + maxFrameLength + ")",
                    maxFrameLength);
        }
    }

    /**
     * Builds a delimited or line {@link FrameFormat}. Not thread-safe; {@link #build()} may be called repeatedly.
     */
    public static final class DelimitedBuilder {
        private final byte[][] delimiters;
        private final boolean lines;
        private boolean stripDelimiter = true;
        private int maxFrameLength = DEFAULT_MAX_FRAME_LENGTH;

        private DelimitedBuilder(byte[][] delimiters, boolean lines) {
            this.delimiters = delimiters;
            this.lines = lines;
        }

        /**
         * Sets whether each frame is handed out without its delimiter (the default, as Netty's).
         *
         * @param strip whether to strip the delimiter
         * @return this builder
         */
        public DelimitedBuilder stripDelimiter(boolean strip) {
            stripDelimiter = strip;
            return this;
        }

        /**
         * Sets the longest frame accepted, without its delimiter (Netty's {@code maxFrameLength} or
         * {@code maxLength}).
         *
         * @param max 1 to {@link #LARGEST_FRAME_LENGTH}
         * @return this builder
         * @throws IllegalArgumentException if outside that range
         */
        public DelimitedBuilder maxFrameLength(int max) {
            maxFrameLength = checkMax(max);
            return this;
        }

        /**
         * Builds the format.
         *
         * @return the format
         */
        public FrameFormat build() {
            StringBuilder names = new StringBuilder();
            for (byte[] d : delimiters) {
                names.append(names.length() == 0 ? "" : ", ").append(Bytes.of(d).toHex());
            }
            String kind = lines ? "FrameFormat.lines(" : "FrameFormat.delimited(" + names + ", ";
            return new FrameFormat(new DelimiterFraming(delimiters.clone(), stripDelimiter, maxFrameLength, lines),
                    kind + (stripDelimiter ? "delimiter stripped" : "delimiter kept") + ", max " + maxFrameLength + ")",
                    maxFrameLength);
        }
    }
}

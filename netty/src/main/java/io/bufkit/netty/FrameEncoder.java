package io.bufkit.netty;

import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.frame.FrameFormat;
import io.bufkit.frame.FrameWriter;
import io.bufkit.layout.PacketCodec;
import java.util.Objects;

/**
 * A pipeline handler that frames outbound messages in any {@link FrameFormat} with a {@link FrameWriter} —
 * the encoding side of {@link FrameDecodingHandler}.
 *
 * <pre>{@code
 * pipeline.addLast(FrameEncoder.bodies(format));                                // ctx.write(Bytes)
 * pipeline.addLast(FrameEncoder.records(format, Sensor.class, SENSOR_CODEC));   // ctx.write(sensor)
 * }</pre>
 *
 * <p>Each frame is written into a buffer of exactly the frame's size from the channel's allocator, its
 * header (length field, varint) or delimiter computed by the writer. An owned {@link Bytes} body is copied
 * into the buffer once; a record is encoded by its codec into a scratch array the encoder reuses, then
 * framed, so it is copied once more (a few bytes per record, no allocation). A body the format cannot carry
 * (too long, or containing a delimiter) fails the write's promise with an {@code EncoderException} whose
 * cause says why; the buffer is released. Other messages pass through. Not sharable: one per channel.
 */
public final class FrameEncoder extends InPlaceEncoder {

    private final FrameWriter writer;
    private final Class<?> recordClass;
    private final PacketCodec<Object> codec;
    private final MutableByteView scratch;

    @SuppressWarnings("unchecked")
    private FrameEncoder(FrameFormat format, Class<?> recordClass, PacketCodec<?> codec) {
        this.writer = new FrameWriter(Objects.requireNonNull(format, "format"));
        this.recordClass = recordClass;
        this.codec = (PacketCodec<Object>) codec;
        this.scratch = codec == null ? null : MutableByteView.allocate(codec.size());
    }

    /**
     * An encoder of owned {@link Bytes} bodies, each in one frame.
     *
     * @param format the stream's format
     * @return a new encoder
     */
    public static FrameEncoder bodies(FrameFormat format) {
        return new FrameEncoder(format, null, null);
    }

    /**
     * An encoder of records of one class, each encoded by {@code codec} into one frame; {@link Bytes} bodies
     * are framed too.
     *
     * @param format the stream's format
     * @param recordClass the class of the records
     * @param codec encodes a record into its fixed-size packet
     * @param <T> the record type
     * @return a new encoder
     */
    public static <T> FrameEncoder records(FrameFormat format, Class<T> recordClass, PacketCodec<T> codec) {
        return new FrameEncoder(format, Objects.requireNonNull(recordClass, "recordClass"),
                Objects.requireNonNull(codec, "codec"));
    }

    @Override
    boolean accepts(Object msg) {
        return msg instanceof Bytes || recordClass != null && recordClass.isInstance(msg);
    }

    @Override
    int frameSize(Object msg) {
        return writer.frameSize(0, msg instanceof Bytes ? ((Bytes) msg).length() : codec.size());
    }

    @Override
    void write(Object msg, MutableByteView out) {
        if (msg instanceof Bytes) {
            writer.write(((Bytes) msg).view(), out, 0);
        } else {
            codec.encode(msg, scratch);
            writer.write(scratch, out, 0);
        }
    }
}

package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;

/**
 * A handle to a fixed-size run of raw bytes, declared with {@link LayoutBuilder#bytes(String, int)}.
 *
 * <p>{@link #get(ByteView)} returns a <em>borrowed</em> view of the field's bytes: no byte is copied (only
 * a small view object is created), and the view goes stale with the packet's lease. {@link #copy(ByteView)}
 * returns an <em>owned</em> copy to keep. Immutable and thread-safe.
 */
public sealed interface BytesField extends LayoutField permits BytesHandle {

    /**
     * The field's bytes as a view, without copying.
     *
     * @param packet the packet's bytes
     * @return a <em>borrowed</em> view of {@code packet[offset(), offset() + width())}, under the packet's
     *         lease; copy it to keep it beyond that lease
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    ByteView get(ByteView packet);

    /**
     * Copies the field's bytes.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return an <em>owned</em> copy of the field's bytes, safe to keep
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    Bytes copy(ByteView packet);

    /**
     * Writes the field: copies all of {@code value} into it.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value exactly {@link #width()} bytes (read, not kept)
     * @throws IllegalArgumentException if {@code value} is not exactly {@link #width()} bytes long
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if either view's lease ended
     */
    void set(MutableByteView packet, ByteView value);

    /**
     * Writes the field: copies all of {@code value} into it.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value exactly {@link #width()} bytes
     * @throws IllegalArgumentException if {@code value} is not exactly {@link #width()} bytes long
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the packet's lease ended
     */
    void set(MutableByteView packet, Bytes value);

    /**
     * Writes the field: copies all of {@code value} into it.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value exactly {@link #width()} bytes (read, not kept)
     * @throws IllegalArgumentException if {@code value} is not exactly {@link #width()} bytes long
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the packet's lease ended
     */
    void set(MutableByteView packet, byte[] value);
}

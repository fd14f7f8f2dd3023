package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;

/**
 * A handle to a fixed-size run of raw bytes, declared with {@link PacketLayout.Builder#bytes(String, int)}.
 *
 * <p>{@link #get(ByteView)} returns a <em>borrowed</em> view of the field's bytes: no byte is copied (only
 * a small view object is created), and the view goes stale with the packet's lease. {@link #copy(ByteView)}
 * returns an <em>owned</em> copy to keep. Immutable and thread-safe.
 */
public final class BytesField extends LayoutField {

    private final Bytes expected;

    BytesField(String layoutName, String name, int offset, int width, Bytes expected) {
        super(layoutName, name, FieldKind.BYTES, offset, width, expected != null);
        this.expected = expected;
    }

    /**
     * The field's bytes as a view, without copying.
     *
     * @param packet the packet's bytes
     * @return a <em>borrowed</em> view of {@code packet[offset(), offset() + width())}, under the packet's
     *         lease; copy it to keep it beyond that lease
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public ByteView get(ByteView packet) {
        return packet.slice(offset, offset + width);
    }

    /**
     * Copies the field's bytes.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return an <em>owned</em> copy of the field's bytes, safe to keep
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public Bytes copy(ByteView packet) {
        return get(packet).copy();
    }

    /**
     * Writes the field: copies all of {@code value} into it.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value exactly {@link #width()} bytes (read, not kept)
     * @throws IllegalArgumentException if {@code value} is not exactly {@link #width()} bytes long
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if either view's lease ended
     */
    public void set(MutableByteView packet, ByteView value) {
        if (value.length() != width) {
            throw invalidWrite("value is " + value.length() + " byte(s) long but the field is exactly " + width
                    + " byte(s)");
        }
        packet.put(offset, value);
    }

    /**
     * Writes the field: copies all of {@code value} into it.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value exactly {@link #width()} bytes
     * @throws IllegalArgumentException if {@code value} is not exactly {@link #width()} bytes long
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the packet's lease ended
     */
    public void set(MutableByteView packet, Bytes value) {
        set(packet, value.view());
    }

    /**
     * Writes the field: copies all of {@code value} into it.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value exactly {@link #width()} bytes (read, not kept)
     * @throws IllegalArgumentException if {@code value} is not exactly {@link #width()} bytes long
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the packet's lease ended
     */
    public void set(MutableByteView packet, byte[] value) {
        set(packet, ByteView.wrap(value));
    }

    @Override
    String format(ByteView packet) {
        ByteView v = get(packet);
        StringBuilder sb = new StringBuilder().append('"');
        int n = Math.min(v.length(), 32);
        for (int i = 0; i < n; i++) {
            int b = v.u8(i);
            sb.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        sb.append('"');
        if (n < v.length()) {
            sb.append("...");
        }
        return sb.toString();
    }

    @Override
    String formatAsConstant(ByteView packet) {
        return get(packet).copy().toHex();
    }

    @Override
    String formatExpected() {
        return expected.toHex();
    }

    @Override
    boolean holdsExpected(ByteView packet) {
        return get(packet).contentEquals(expected.view());
    }

    @Override
    void writeExpected(MutableByteView packet) {
        set(packet, expected);
    }
}

package io.bufkit;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An owned, immutable byte string with value semantics: {@link #equals(Object)}, {@link #hashCode()}
 * and {@link #compareTo(Bytes)} (unsigned lexicographic) compare contents, so a {@code Bytes} is safe as
 * a map key and never goes stale. Every factory copies its input; every accessor that returns an array
 * returns an owned copy.
 *
 * <p>Get one from a borrowed view with {@link ByteView#copy()}; hand one to any parser with
 * {@link #view()}.
 */
public final class Bytes implements Comparable<Bytes> {

    private static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;
    private int hash;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** Takes ownership of an array nobody else references. */
    static Bytes own(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data);
    }

    /**
     * The empty byte string.
     *
     * @return a {@code Bytes} of length 0
     */
    public static Bytes empty() {
        return EMPTY;
    }

    /**
     * Copies an array into a new byte string; later changes to the array do not affect it.
     *
     * @param array the bytes to copy
     * @return an owned copy
     */
    public static Bytes of(byte... array) {
        return own(array.clone());
    }

    /**
     * Copies {@code array[offset, offset + length)} into a new byte string.
     *
     * @param array the source
     * @param offset the first byte
     * @param length how many bytes
     * @return an owned copy
     * @throws IndexOutOfBoundsException if the range is not inside the array
     */
    public static Bytes of(byte[] array, int offset, int length) {
        return own(Arrays.copyOfRange(array, offset, java.util.Objects.checkFromIndexSize(offset, length, array.length) + length));
    }

    /**
     * Copies the bytes of a view; same as {@link ByteView#copy()}.
     *
     * @param view the bytes to copy
     * @return an owned copy
     * @throws StaleViewException if the view's lease ended
     */
    public static Bytes copyOf(ByteView view) {
        return view.copy();
    }

    /**
     * Parses hexadecimal digits, optionally separated by whitespace, for example {@code "ca fe 00"}.
     *
     * @param hex pairs of hex digits, case-insensitive
     * @return the bytes
     * @throws IllegalArgumentException if a character is not a hex digit or a digit is unpaired
     */
    public static Bytes fromHex(String hex) {
        StringBuilder sb = new StringBuilder(hex.length());
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        String digits = sb.toString();
        if ((digits.length() & 1) != 0) {
            throw new IllegalArgumentException("odd number of hex digits (" + digits.length() + ") in \"" + hex + "\"");
        }
        return own(HEX.parseHex(digits));
    }

    /**
     * Decodes standard Base64 ({@link Base64#getDecoder()}).
     *
     * @param base64 the encoded text
     * @return the bytes
     * @throws IllegalArgumentException if the text is not valid Base64
     */
    public static Bytes fromBase64(String base64) {
        return own(Base64.getDecoder().decode(base64));
    }

    /**
     * Encodes text as UTF-8.
     *
     * @param text the text
     * @return its UTF-8 bytes
     */
    public static Bytes utf8(String text) {
        return own(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The number of bytes.
     *
     * @return the length
     */
    public int length() {
        return data.length;
    }

    /**
     * Whether there are no bytes.
     *
     * @return {@code true} for length 0
     */
    public boolean isEmpty() {
        return data.length == 0;
    }

    /**
     * Reads an unsigned byte.
     *
     * @param index the byte's index
     * @return the value, 0 to 255
     * @throws IndexOutOfBoundsException if the index is outside {@code [0, length())}
     */
    public int u8(int index) {
        java.util.Objects.checkIndex(index, data.length);
        return data[index] & 0xFF;
    }

    /**
     * A read-only view of these bytes under the unbounded lease, so every parser accepts them; it never
     * goes stale because a {@code Bytes} never changes.
     *
     * @return a view borrowing this byte string's memory (safe to keep: it is immutable)
     */
    public ByteView view() {
        return ByteView.wrap(data);
    }

    /**
     * Copies the bytes into a new array the caller owns.
     *
     * @return an owned copy
     */
    public byte[] toByteArray() {
        return data.clone();
    }

    /**
     * Lower-case hexadecimal digits, two a byte, no separators.
     *
     * @return the hex text
     */
    public String toHex() {
        return HEX.formatHex(data);
    }

    /**
     * Standard Base64 ({@link Base64#getEncoder()}).
     *
     * @return the encoded text
     */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(data);
    }

    /**
     * Decodes the bytes as UTF-8 (malformed input replaced).
     *
     * @return the text
     */
    public String toUtf8() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /**
     * Decodes the bytes with a charset (malformed input replaced).
     *
     * @param charset the encoding
     * @return the text
     */
    public String toString(Charset charset) {
        return new String(data, charset);
    }

    /**
     * Content equality.
     *
     * @param o the other object
     * @return {@code true} if {@code o} is a {@code Bytes} with the same bytes
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Bytes && Arrays.equals(data, ((Bytes) o).data);
    }

    /**
     * A hash of the contents, consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(data);
            hash = h;
        }
        return h;
    }

    /**
     * Unsigned lexicographic order, as {@link Arrays#compareUnsigned(byte[], byte[])}: a proper prefix
     * sorts first.
     *
     * @param other the byte string to compare with
     * @return negative, zero or positive
     */
    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(data, other.data);
    }

    /**
     * A short description with the length and up to 32 bytes in hex.
     *
     * @return the description
     */
    @Override
    public String toString() {
        int n = Math.min(data.length, 32);
        return "Bytes[" + data.length + ": " + HEX.formatHex(data, 0, n) + (data.length > n ? "…]" : "]");
    }
}

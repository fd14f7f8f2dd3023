package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.lang.invoke.MethodHandles;

/**
 * Maps a fixed binary packet to a value of the user's type — typically a record — and back.
 *
 * <p>{@link #decode(ByteView)} must not keep the view beyond the call: the view is <em>borrowed</em> and
 * its lease may end when the call returns. Copy what the value keeps (numbers are copies by nature; use
 * {@link ByteView#copy()} for byte fields).
 *
 * <p>For a record whose components are named like the layout's fields, {@link #of(PacketLayout, Class)}
 * derives the codec; write one by hand for other types or when the value is not one field per component.
 *
 * @param <T> the decoded type
 */
public interface PacketCodec<T> {

    /**
     * Decodes one packet.
     *
     * @param packet the packet's bytes, exactly {@link #size()} long; borrowed for the duration of the call
     * @return the decoded value, holding no reference to {@code packet}
     * @throws RuntimeException a specific exception naming field, offset and reason for a malformed packet
     */
    T decode(ByteView packet);

    /**
     * Encodes one packet into {@code out[0, size())}.
     *
     * @param value the value to encode
     * @param out where to write; at least {@link #size()} bytes long
     */
    void encode(T value, MutableByteView out);

    /**
     * The encoded size in bytes.
     *
     * @return the fixed packet size
     */
    int size();

    /**
     * Derives the codec of a public record whose components are named like {@code layout}'s fields, for
     * example {@code PacketCodec.of(LAYOUT, LegacyPacket.class)}; see
     * {@link #of(PacketLayout, Class, MethodHandles.Lookup)} for the rules. The record's class must be
     * public in a package that is exported (every package of the class path is); otherwise pass a lookup.
     *
     * @param <R> the record type
     * @param layout the layout
     * @param recordType the record's class
     * @return the codec; keep it in a {@code static final} constant
     * @throws IllegalArgumentException as {@link #of(PacketLayout, Class, MethodHandles.Lookup)}
     */
    static <R> PacketCodec<R> of(PacketLayout layout, Class<R> recordType) {
        return of(layout, recordType, MethodHandles.publicLookup());
    }

    /**
     * Derives the codec of a record whose components are named like {@code layout}'s fields, reaching its
     * constructor and accessors through {@code lookup} (pass {@code MethodHandles.lookup()} for a record
     * that is not public). Each component has the field's natural type:
     *
     * <table class="striped">
     *   <caption>Field handles and component types</caption>
     *   <thead><tr><th>field</th><th>component</th></tr></thead>
     *   <tbody>
     *   <tr><td>{@link IntField} (8 to 24-bit integers, {@code i32}, bit fields up to 31 bits, 32 signed)</td><td>{@code int}; a one-bit field also {@code boolean}</td></tr>
     *   <tr><td>{@link LongField} ({@code u32}, 40 to 64-bit integers, wider bit fields)</td><td>{@code long}</td></tr>
     *   <tr><td>{@link FloatField} / {@link DoubleField}</td><td>{@code float} / {@code double}</td></tr>
     *   <tr><td>{@link FlagsField}</td><td>{@code int}</td></tr>
     *   <tr><td>{@link BytesField}</td><td>{@link io.bufkit.Bytes} or {@code byte[]}: an <em>owned</em> copy</td></tr>
     *   <tr><td>{@link TextField}</td><td>{@code String}</td></tr>
     *   <tr><td>{@link ChecksumField}</td><td>{@code long}</td></tr>
     *   </tbody>
     * </table>
     *
     * <p>A component named like a field with an underscore appended holds a field named like a Java keyword
     * ({@code class_} for {@code class}).
     *
     * <p>Fields declared with {@code expect(...)} and checksum fields may be left out of the record.
     * {@code decode} validates the packet ({@link PacketLayout#validate(ByteView)}: length, constants,
     * checksums) and reads every component; {@code encode} writes the constants
     * ({@link PacketLayout#writeConstants(MutableByteView)}), every other component, and last the checksums
     * ({@link PacketLayout#fillChecksums(MutableByteView)}). A constant or checksum that is a component is
     * read by {@code decode}, but {@code encode} writes the declared constant and the computed checksum, not
     * the component's value. A checksum over a pseudo-header ({@code internetChecksumWithPseudoHeader}) is
     * neither verified by {@code decode} nor written by {@code encode}: fill it after {@code encode} with
     * {@link ChecksumField#fill(ByteView, MutableByteView)}.
     *
     * <p>Everything is checked here, once; {@code decode} and {@code encode} make no reflective calls, and a
     * codec kept in a {@code static final} constant compiles to the same reads and writes as a hand-written
     * one.
     *
     * @param <R> the record type
     * @param layout the layout
     * @param recordType the record's class
     * @param lookup a lookup that can reach the record's canonical constructor and accessors
     * @return the codec; keep it in a {@code static final} constant
     * @throws IllegalArgumentException if {@code recordType} is not a record or not accessible to
     *     {@code lookup}, a component names no field, a field (not a constant or checksum) has no component,
     *     or a component's type is not the field's, naming the component and the field, for example
     *     {@code "record LegacyPacket component voltage is int but layout legacy field voltage is f32be (float)"}
     */
    static <R> PacketCodec<R> of(PacketLayout layout, Class<R> recordType, MethodHandles.Lookup lookup) {
        return DerivedPacketCodec.of(java.util.Objects.requireNonNull(layout, "layout"), recordType, lookup);
    }
}

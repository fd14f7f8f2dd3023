package io.bufkit.internal.codec;

import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Objects;

/**
 * One field of a format as a record component may hold it: the field's name, where it is (for messages),
 * and for each Java type a component of it may have, how the field is read and written.
 *
 * @param name the field's name, which the matching record component must have
 * @param where the field for messages, for example {@code "layout legacy field voltage"}
 * @param typeName the field's wire type for messages, for example {@code "f32be"}
 * @param accesses the ways to read and write the field, one per accepted component type, the natural
 *     type first; not empty
 * @param filledByCodec whether the codec writes the field itself (a constant, a checksum): such a field
 *     may be left out of the record, and is never written from it
 */
public record FieldBinding(String name, String where, String typeName, List<Access> accesses, boolean filledByCodec) {

    /**
     * Reading and writing a field as one Java type.
     *
     * @param type the component type, such as {@code int.class} or {@code Bytes.class}
     * @param reader {@code (S)type}: reads the field from the source view {@code S}; returns a value or an
     *     owned copy, never a borrowed view
     * @param writer {@code (W, type)void}: writes the field into the sink view {@code W}; {@code null} for
     *     fields only the codec writes
     * @param readerAt {@code (S, int)type}: reads the field of a packet starting at an offset of the source
     *     view, as {@code reader} reads it from a slice starting there, without making the slice; or
     *     {@code null} if the field has no such read, and a slice is made
     */
    public record Access(Class<?> type, MethodHandle reader, MethodHandle writer, MethodHandle readerAt) {

        /**
         * An access without a read at an offset.
         *
         * @param type the component type
         * @param reader the reading handle
         * @param writer the writing handle, or {@code null}
         */
        public Access(Class<?> type, MethodHandle reader, MethodHandle writer) {
            this(type, reader, writer, null);
        }

        /**
         * Checks the handles' shapes against {@code type}.
         *
         * @param type the component type
         * @param reader the reading handle
         * @param writer the writing handle, or {@code null}
         * @param readerAt the handle reading at an offset, or {@code null}
         * @throws IllegalArgumentException if a handle does not take or return {@code type}
         */
        public Access {
            Objects.requireNonNull(type, "type");
            if (reader.type().parameterCount() != 1 || reader.type().returnType() != type) {
                throw new IllegalArgumentException("reader " + reader.type() + " does not read " + type.getName());
            }
            if (readerAt != null && (readerAt.type().parameterCount() != 2 || readerAt.type().returnType() != type
                    || readerAt.type().parameterType(1) != int.class)) {
                throw new IllegalArgumentException("reader " + readerAt.type() + " does not read " + type.getName()
                        + " at an offset");
            }
            if (writer != null && (writer.type().parameterCount() != 2 || writer.type().parameterType(1) != type
                    || writer.type().returnType() != void.class)) {
                throw new IllegalArgumentException("writer " + writer.type() + " does not write " + type.getName());
            }
        }
    }

    /**
     * Checks the binding.
     *
     * @param name the field's name
     * @param where the field for messages
     * @param typeName the wire type for messages
     * @param accesses the accesses, natural type first
     * @param filledByCodec whether the codec writes the field itself
     * @throws IllegalArgumentException if there is no access
     */
    public FieldBinding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(typeName, "typeName");
        accesses = List.copyOf(accesses);
        if (accesses.isEmpty()) {
            throw new IllegalArgumentException(where + " has no Java type");
        }
    }

    /**
     * How the field is read and written as {@code type}.
     *
     * @param type a component type
     * @return the access, or {@code null} if the field cannot be held in a component of that type
     */
    Access access(Class<?> type) {
        for (Access a : accesses) {
            if (a.type() == type) {
                return a;
            }
        }
        return null;
    }

    /** The accepted types for messages: {@code "float"}, {@code "Bytes or byte[]"}. */
    String typeNames() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < accesses.size(); i++) {
            sb.append(i == 0 ? "" : " or ").append(accesses.get(i).type().getSimpleName());
        }
        return sb.toString();
    }
}

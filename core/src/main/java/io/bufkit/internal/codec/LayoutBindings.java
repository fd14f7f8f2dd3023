package io.bufkit.internal.codec;

import io.bufkit.layout.PacketLayout;
import java.util.List;
import java.util.Objects;

/**
 * Lets bufkit's own packages bind record components to the fields of a {@link PacketLayout}, from the one
 * table of field kinds that {@code io.bufkit.layout} keeps. Not API: the package is not exported.
 * {@code io.bufkit.layout} installs the implementation when {@code PacketLayout} is initialised.
 */
public abstract class LayoutBindings {

    private static volatile LayoutBindings installed;

    /** For the implementation in {@code io.bufkit.layout}. */
    protected LayoutBindings() {
    }

    /**
     * Installs the implementation; called once by {@code PacketLayout}'s class initialiser.
     *
     * @param implementation the implementation
     * @throws IllegalStateException if one is installed already
     */
    public static void install(LayoutBindings implementation) {
        if (installed != null) {
            throw new IllegalStateException("already installed");
        }
        installed = Objects.requireNonNull(implementation);
    }

    /**
     * The bindings of a layout's fields, in the layout's field order: how a record component of each
     * accepted type reads and writes the field, and whether the codec fills it itself.
     *
     * @param layout the layout (its class is initialised, so the implementation is installed)
     * @return one binding per field of {@link PacketLayout#fields()}
     */
    public static List<FieldBinding> of(PacketLayout layout) {
        return installed.bindings(layout);
    }

    /**
     * The bindings of a layout's fields.
     *
     * @param layout the layout
     * @return one binding per field, in order
     */
    protected abstract List<FieldBinding> bindings(PacketLayout layout);
}

package io.bufkit.examples;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.message.EncodingContext;
import io.bufkit.message.FieldFault;
import io.bufkit.message.FieldKind;

/**
 * DNS names with compression pointers (RFC 1035 §4.1.4) as a user-defined field kind; bad names and pointer
 * loops are {@link FieldFault}s. Values are labels of 1 to 63 bytes (characters 0-255) separated by dots,
 * the root as the empty string.
 *
 * <p>In a message, {@link #KIND} writes names compressed: each name as its labels up to the longest suffix
 * of it that the same message already holds as labels at an offset below {@code 0x4000}, then a pointer to
 * that suffix (always backwards); a name with no such suffix is written whole. Suffixes match exactly, case
 * included, so every name reads back as given. {@link #UNCOMPRESSED} writes names whole, for RDATA that
 * must not be compressed (SRV's target, RFC 2782; any type defined after RFC 1035, RFC 3597 §4), yet later
 * names may point into them, as RFC 1035 §4.1.4 allows of any earlier occurrence (where a suffix was
 * written whole twice, the later copy is pointed at). What the message holds is state both kinds share in
 * the {@link EncodingContext}, so names compress across the question, owner names and RDATA names, and
 * never across messages. Names in RDATA the layout keeps raw (types it does not declare) are neither
 * compressed nor pointed into. A name written on its own ({@link #write(String, MutableByteView, int)}) is
 * written whole.
 */
public final class DnsName implements FieldKind<String> {
    /** Names compressed on encode; the kind is stateless (what one message holds lives in its encoding context). */
    public static final DnsName KIND = new DnsName("dns-name", true);

    /** Names written whole on encode, for RDATA that must not be compressed, and read like {@link #KIND}'s. */
    public static final DnsName UNCOMPRESSED = new DnsName("uncompressed-dns-name", false);

    private final String name;
    private final boolean compresses;

    private DnsName(String name, boolean compresses) {
        this.name = name;
        this.compresses = compresses;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int end(ByteView message, int at, int limit) {
        int pos = at;
        while (true) {
            if (pos >= limit) {
                throw new FieldFault(pos, "name runs past the end");
            }
            int len = message.u8(pos);
            if (len == 0) {
                return pos + 1;
            }
            if ((len & 0xC0) == 0xC0) {
                if (pos + 2 > limit) {
                    throw new FieldFault(pos, "compression pointer runs past the end");
                }
                return pos + 2;
            }
            if ((len & 0xC0) != 0) {
                throw new FieldFault(pos, "reserved label type " + (len >> 6));
            }
            pos += 1 + len;
        }
    }

    @Override
    public String read(ByteView message, int at) {
        StringBuilder name = new StringBuilder();
        int pos = at;
        int hops = 0;
        while (true) {
            if (pos >= message.length()) {
                throw new FieldFault(pos, "name runs past the end");
            }
            int len = message.u8(pos);
            if (len == 0) {
                return name.toString();
            }
            if ((len & 0xC0) == 0xC0) {
                if (pos + 2 > message.length()) {
                    throw new FieldFault(pos, "compression pointer runs past the end");
                }
                if (++hops > message.length() / 2) {
                    throw new FieldFault(pos, "compression pointer loop");
                }
                pos = message.u16be(pos) & 0x3FFF;
                continue;
            }
            if (pos + 1 + len > message.length() || name.length() + len + 1 > 255) {
                throw new FieldFault(pos, "label runs past the end or name longer than 255 bytes");
            }
            if (name.length() > 0) {
                name.append('.');
            }
            for (int i = 0; i < len; i++) {
                name.append((char) message.u8(pos + 1 + i));
            }
            pos += 1 + len;
        }
    }

    @Override
    public String describe(ByteView message, int at) {
        String name = read(message, at);
        return name.isEmpty() ? "<root>" : name;
    }

    @Override
    public Class<String> valueType() {
        return String.class;
    }

    @Override
    public int size(String name) {
        if (name == null) {
            throw new IllegalArgumentException("a DNS name cannot be null; the root is \"\"");
        }
        if (name.isEmpty()) {
            return 1;
        }
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                int length = i - labelStart;
                if (length < 1 || length > 63) {
                    throw new IllegalArgumentException("label " + (length == 0 ? "empty" : "of " + length + " bytes")
                            + " at index " + labelStart + " of \"" + name + "\"; labels have 1 to 63 bytes");
                }
                labelStart = i + 1;
            } else if (name.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("character " + (int) name.charAt(i) + " at index " + i + " of \""
                        + name + "\" is not a byte");
            }
        }
        if (name.length() + 2 > 255) {
            throw new IllegalArgumentException("name of " + (name.length() + 2) + " bytes is longer than 255");
        }
        return name.length() + 2;
    }

    @Override
    public void write(String name, MutableByteView out, int at) {
        new NameCompression().place(name, at, false, out);
    }

    /** The name's size in the message: compressed against the names placed before it in the same pass. */
    @Override
    public int size(String name, EncodingContext context) {
        size(name);
        return names(context).place(name, context.offset(), compresses, null);
    }

    /** Writes the name, as {@link #size(String, EncodingContext)} placed it. */
    @Override
    public void write(String name, MutableByteView out, EncodingContext context) {
        names(context).place(name, context.offset(), compresses, out);
    }

    /** The names placed so far in this pass, by both kinds. */
    private static NameCompression names(EncodingContext context) {
        return context.state(KIND, NameCompression::new);
    }
}

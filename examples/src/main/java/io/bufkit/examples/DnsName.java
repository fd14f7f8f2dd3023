package io.bufkit.examples;

import io.bufkit.ByteView;
import io.bufkit.message.FieldFault;
import io.bufkit.message.FieldKind;

/** DNS names with compression pointers (RFC 1035 §4.1.4) as a user-defined field kind; bad names and pointer loops are {@link FieldFault}s. */
public final class DnsName implements FieldKind<String> {
    /** The one instance; the kind is stateless. */
    public static final DnsName KIND = new DnsName();

    private DnsName() {
    }

    @Override
    public String name() {
        return "dns-name";
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
}

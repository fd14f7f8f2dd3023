package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.nio.charset.StandardCharsets;

/**
 * A DNS name (RFC 1035 §4.1.4) for tests: labels ending in a zero byte or a compression pointer, read as
 * dotted text by following pointers back into the message (at most 16 of them); written uncompressed.
 */
final class DnsWireName implements FieldKind<String> {
    static final DnsWireName KIND = new DnsWireName();

    @Override
    public String name() {
        return "dns-name";
    }

    @Override
    public int end(ByteView message, int at, int limit) {
        for (int i = at; i < limit; ) {
            int len = message.u8(i);
            if (len == 0) {
                return i + 1;
            }
            if (len >= 0xC0) {
                if (i + 2 > limit) {
                    break;
                }
                return i + 2;
            }
            i += 1 + len;
        }
        throw new FieldFault(at, "name runs past the end");
    }

    @Override
    public String read(ByteView message, int at) {
        StringBuilder name = new StringBuilder();
        int i = at;
        for (int hops = 0; hops <= 16; ) {
            int len = message.u8(i);
            if (len == 0) {
                return name.isEmpty() ? "." : name.toString();
            }
            if (len >= 0xC0) {
                i = ((len & 0x3F) << 8) | message.u8(i + 1);
                hops++;
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(message.slice(i + 1, i + 1 + len).toString(StandardCharsets.US_ASCII));
            i += 1 + len;
        }
        throw new FieldFault(at, "more than 16 compression pointers");
    }

    @Override
    public Class<String> valueType() {
        return String.class;
    }

    @Override
    public int size(String value) {
        return value.equals(".") ? 1 : value.length() + 2;
    }

    @Override
    public void write(String value, MutableByteView out, int at) {
        int i = at;
        if (!value.equals(".")) {
            for (String label : value.split("\\.")) {
                out.putU8(i++, label.length());
                for (int k = 0; k < label.length(); k++) {
                    out.putU8(i++, label.charAt(k));
                }
            }
        }
        out.putU8(i, 0);
    }
}

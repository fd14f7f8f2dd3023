package io.bufkit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytecode size of every method of a compiled class, read from its class file (JVMS chapter 4): just
 * enough of the format to find each method's {@code Code} attribute and its {@code code_length}.
 */
final class ClassFileCodeSizes {

    private ClassFileCodeSizes() {
    }

    /**
     * The bytecode size of each method of {@code type} that has code, keyed by name and descriptor, for
     * example {@code "index(IILjava/lang/String;)I"}.
     */
    static Map<String, Integer> of(Class<?> type) throws IOException {
        String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no class file " + resource + " next to " + type.getName());
            }
            return read(new DataInputStream(in));
        }
    }

    private static Map<String, Integer> read(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();   // minor version
        in.readUnsignedShort();   // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;   // a long or double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        in.skipNBytes(6);   // access flags, this class, super class
        in.skipNBytes(2L * in.readUnsignedShort());   // interfaces
        skipMembers(in);   // fields
        Map<String, Integer> sizes = new LinkedHashMap<>();
        int methods = in.readUnsignedShort();
        for (int m = 0; m < methods; m++) {
            in.readUnsignedShort();   // access flags
            String name = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (attribute.equals("Code")) {
                    in.skipNBytes(4);   // max stack, max locals
                    int codeLength = in.readInt();
                    sizes.put(name + descriptor, codeLength);
                    in.skipNBytes(length - 8L);
                } else {
                    in.skipNBytes(length);
                }
            }
        }
        return sizes;
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int members = in.readUnsignedShort();
        for (int m = 0; m < members; m++) {
            in.skipNBytes(6);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.skipNBytes(2);
                in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
            }
        }
    }
}

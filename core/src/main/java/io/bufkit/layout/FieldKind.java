package io.bufkit.layout;

/**
 * The wire types a layout can declare: the name shown in messages and dumps, the width in bytes (0 for
 * types whose width is given at declaration), and the handle type (interface) that reads it.
 */
enum FieldKind {
    U8("u8", 1, IntField.class),
    I8("i8", 1, IntField.class),
    U16BE("u16be", 2, IntField.class),
    U16LE("u16le", 2, IntField.class),
    I16BE("i16be", 2, IntField.class),
    I16LE("i16le", 2, IntField.class),
    I32BE("i32be", 4, IntField.class),
    I32LE("i32le", 4, IntField.class),
    U32BE("u32be", 4, LongField.class),
    U32LE("u32le", 4, LongField.class),
    I64BE("i64be", 8, LongField.class),
    I64LE("i64le", 8, LongField.class),
    F32BE("f32be", 4, FloatField.class),
    F32LE("f32le", 4, FloatField.class),
    F64BE("f64be", 8, DoubleField.class),
    F64LE("f64le", 8, DoubleField.class),
    BYTES("bytes", 0, BytesField.class),
    FLAGS8("flags8", 1, FlagsField.class),
    FLAGS16BE("flags16be", 2, FlagsField.class),
    FLAGS16LE("flags16le", 2, FlagsField.class),
    FLAGS32BE("flags32be", 4, FlagsField.class),
    FLAGS32LE("flags32le", 4, FlagsField.class),
    PADDING("padding", 0, null);

    final String typeName;
    final int width;
    final Class<? extends LayoutField> handle;

    FieldKind(String typeName, int width, Class<? extends LayoutField> handle) {
        this.typeName = typeName;
        this.width = width;
        this.handle = handle;
    }
}

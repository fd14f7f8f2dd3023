package io.bufkit.message;

import io.bufkit.Bytes;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.TextPadding;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A layout with a part of every kind, and values for it, for encoding tests. */
final class EveryPartLayouts {
    private EveryPartLayouts() {
    }

    static final PacketLayout HEAD = PacketLayout.builder("head")
            .u8("magic").expect(0x42).u8("type").u8("flag").u8("n").u8("len").u8("blen").u32be("big")
            .f32be("ratio").text("tag", 4, StandardCharsets.US_ASCII, TextPadding.NUL).internetChecksum("sum").build();
    static final MessageLayout ITEM = MessageLayout.builder("item")
            .section("k", PacketLayout.builder("k").u8("key").build()).prefixed("s", 1).build();
    static final MessageLayout ENTRY = MessageLayout.builder("entry")
            .section("e", PacketLayout.builder("e").u8("code").build()).nulTerminated("value").build();
    static final MessageLayout OPTION = MessageLayout.builder("option")
            .section("o", PacketLayout.builder("o").u16be("x").build()).build();
    static final MessageLayout TEXT = MessageLayout.builder("text").rest("text").build();
    static final MessageLayout PAIR = MessageLayout.builder("pair")
            .section("p", PacketLayout.builder("p").i16be("a").f64be("b").build()).build();
    static final MessageLayout TAIL = MessageLayout.builder("tail")
            .section("t", PacketLayout.builder("t").u8("len").build()).bytes("b", Size.of("t.len")).build();
    static final MessageLayout ALL = MessageLayout.builder("all")
            .section("head", HEAD)
            .bytes("data", Size.of("head.len").times(2).plus(1))
            .prefixed("p", 2)
            .nullablePrefixed("maybe", 4)
            .nulTerminated("z")
            .field("v", RemainingLength.KIND)
            .repeat("items", "head.n", ITEM)
            .repeatUntil("entries", 0, ENTRY)
            .when("opt", "head.flag", f -> f != 0, OPTION)
            .choice("body", "head.type", Size.of("head.blen"), Map.of(1, TEXT, 2, PAIR))
            .repeatToEnd("tail", TAIL)
            .build();

    /** Values for {@link #ALL} with type {@code type} (1, 2 or 9 for raw) and the option present or not. */
    static Map<String, Object> values(int type, boolean option) {
        Map<String, Object> v = new HashMap<>();
        v.put("head", Map.of("type", type, "flag", option ? 1 : 0, "big", 4_000_000_000L, "ratio", 1.5f, "tag", "ab"));
        v.put("data", Bytes.of((byte) 1, (byte) 2, (byte) 3));
        v.put("p", "hello");
        v.put("maybe", option ? null : "m");
        v.put("z", new byte[] {'z', 'z'});
        v.put("v", 300);
        v.put("items", List.of(Map.of("k", Map.of("key", 7), "s", Bytes.utf8("seven")),
                Map.of("k", Map.of("key", 8), "s", Bytes.empty())));
        v.put("entries", List.of(Map.of("e", Map.of("code", (int) 'M'), "value", "boom"),
                Map.of("e", Map.of("code", (int) 'C'), "value", "")));
        if (option) {
            v.put("opt", Map.of("o", Map.of("x", 513)));
        }
        v.put("body", switch (type) {
            case 1 -> Map.of("text", Bytes.utf8("text to the end"));
            case 2 -> Map.of("p", Map.of("a", -2, "b", 0.25));
            default -> Bytes.of((byte) 9, (byte) 9);
        });
        v.put("tail", List.of(Map.of("t", Map.of(), "b", Bytes.utf8("xy")), Map.of("b", Bytes.empty())));
        return v;
    }
}

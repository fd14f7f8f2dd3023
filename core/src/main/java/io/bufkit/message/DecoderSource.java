package io.bufkit.message;

import io.bufkit.layout.ChecksumField;
import io.bufkit.layout.IntField;
import io.bufkit.layout.LayoutField;
import io.bufkit.layout.LongField;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the Java source of a {@link GeneratedDecoder} for a {@link MessageCodec}: straight-line code, one
 * method per level (a small level is written in place, in its holder's method), that reads every field where
 * it lies and makes the records directly, as a careful
 * hand-written parser would, with the layout as its only source. Run it at build time (a test that compares
 * the committed file with a fresh generation keeps the two in step) and give the decoder to the codec with
 * {@link MessageCodec#withDecoder}:
 *
 * <pre>{@code
 * String source = DecoderSource.generate(MessageCodec.of(Ipv4Packet.LAYOUT, Ipv4.class),
 *         "io.bufkit.examples.Ipv4Packet.LAYOUT", "io.bufkit.examples.Ipv4Decoder");
 * }</pre>
 *
 * <p>The generated code checks every length, count, bound, terminator and varint the codec checks, and the
 * checksums the codec checks while decoding; where anything is wrong it returns {@code null} and the codec
 * decodes the message itself, naming the field path, offset and why in its exception. It reads the layout's
 * fields, conditions, field kinds and checksums through the layout's public descriptions once, when its
 * class is initialised, and carries the codec's fingerprint, which {@link MessageCodec#withDecoder} checks.
 *
 * <p>Every part is generated; a codec whose layout holds a pseudo-header checksum checked when decoding in a
 * section other than its level's first, or over a level a repeat holds, is refused, naming the layout and the
 * part. Section fields of every type are generated, as
 * the record components the codec takes for them: integer fields read where they lie, without a slice;
 * the others through their handle's read of the section.
 */
public final class DecoderSource {
    private final Map<String, String> constants = new LinkedHashMap<>();
    /** The methods written so far, one per level. */
    private final StringBuilder methods = new StringBuilder();
    /** The body of the method being written. */
    private StringBuilder code = new StringBuilder();
    private final Map<Object, String> names = new IdentityHashMap<>();
    /** The method decoding each level, by layout and then record level (or the layout itself for none). */
    private final Map<MessageLayout, Map<Object, String>> levelMethods = new IdentityHashMap<>();
    private int counter;
    private int indent = 2;
    /**
     * Whether the code writes a {@link ReaderSource reader's} tape (where each part of each level ends)
     * rather than records; its level methods then return the level's place on the tape, -1 to give up.
     */
    private final boolean tape;
    /** What the generated level methods return to give up. */
    private final String giveUp;
    /** What may name a constant of the generated code: {@code L2}, {@code F5}, {@code NONE}. */
    private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*\\b");
    /** The most parts a level written in place of a call may have (see {@link #inline}). */
    private static final int INLINE_PARTS = 4;
    /** The width the generated lines keep to, where they can. */
    private static final int MOST_COLUMNS = 120;

    DecoderSource(boolean tape) {
        this.tape = tape;
        this.giveUp = tape ? "-1" : "null";
        if (!tape) {   // declared, as every constant, only if the code reads them
            constants.put("NONE", "    private static final Object[] NONE = {};\n");
            constants.put("NULL", "    /** What a level of one part returns for its part's NULL; a level gives up "
                    + "with null. */\n    private static final Object NULL = new Object();\n");
        }
    }

    /**
     * Writes the source of a decoder for a codec.
     *
     * @param codec the codec, made without a generated decoder
     * @param layoutConstant a Java expression the generated class reads the codec's layout from, such as
     *     {@code "io.bufkit.examples.Ipv4Packet.LAYOUT"}
     * @param className the fully qualified name of the class to write
     * @return the source of one public final class implementing {@link GeneratedDecoder}
     * @throws IllegalArgumentException if the codec has a part or a component type the generator does not
     *     write, naming the layout and the part; or a record type is not public
     */
    public static String generate(MessageCodec<?> codec, String layoutConstant, String className) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot);
        String simple = className.substring(dot + 1);
        DecoderSource s = new DecoderSource(false);
        MessageLayout root = codec.layout();
        s.names.put(root, "L0");
        String rootMethod = s.levelMethod(root, "L0", codec.level());
        String recordType = s.typeName(codec.level().type);
        StringBuilder out = new StringBuilder();
        out.append("// Generated by io.bufkit.message.DecoderSource from ").append(codec).append(".\n")
                .append("// Do not edit: generate it again when the layout or the records change.\n");
        if (!pkg.isEmpty()) {
            out.append("package ").append(pkg).append(";\n\n");
        }
        out.append("/** The generated decoder of {@code ").append(codec).append("}. */\n")
                .append("public final class ").append(simple)
                .append("\n        implements io.bufkit.message.GeneratedDecoder<")
                .append(recordType).append("> {\n")
                .append("    private static final String FINGERPRINT = \"").append(fingerprint(codec.level()))
                .append("\";\n")
                .append("    private static final io.bufkit.message.MessageLayout L0 = ").append(layoutConstant)
                .append(";\n").append(s.constants(s.methods))
                .append("\n    /** Makes the decoder; the layout's fields are read once, when the class is")
                .append(" initialised. */\n")
                .append("    public ").append(simple).append("() {\n    }\n\n")
                .append("    @Override\n    public String fingerprint() {\n        return FINGERPRINT;\n    }\n\n")
                .append("    @Override\n")
                .append("    public ").append(recordType).append(" decode(io.bufkit.ByteView v) {\n")
                .append("        int[] at = new int[1];\n")
                .append("        ").append(recordType).append(" r = ").append(rootMethod)
                .append("(v, at, v.length());\n")
                .append("        return r == null || at[0] != v.length() ? null : r;\n    }\n").append(s.methods)
                .append("}\n");
        return out.toString();
    }

    /**
     * A decoded level or part in the generated code: the variables holding its end and its value, and what a
     * reader's tape keeps of it beyond its end (its {@link ReaderSlots#extra extra slots}).
     */
    private record Decoded(String end, String value, List<String> tape) {
        Decoded(String end, String value) {
            this(end, value, List.of());
        }
    }

    /**
     * Writes the call of the method decoding a level of {@code layout} (held in constant {@code lc}) from
     * offset {@code at} to at most {@code limit}, for {@code rl} or no record if it is null; the method
     * returns null to give up. Each level is a method of its own, so that the compiler inlines what each
     * needs rather than running out of room in one long method.
     */
    private Decoded level(Scope s, MessageLayout layout, String lc, RecordLevel rl, String at, String limit) {
        if (inline(layout)) {   // written in place: a level method's call and packed result cost more than it
            Decoded d = levelBody(layout, lc, rl, at, limit);
            return new Decoded(d.end, tape || rl != null ? d.value : null);
        }
        String method = levelMethod(layout, lc, rl);
        int id = counter++;
        String r = "r" + id;
        StringBuilder enclosing = new StringBuilder();
        for (EnclosingField.Need n : layout.enclosingNeeds()) {   // the fields of enclosing levels it reads
            enclosing.append(", ").append(n.up() == 1 ? read(s, n.field().in(s.layout))
                    : "u" + need(s.layout, n.field(), n.up() - 1));
        }
        if (tape) {   // the level's place on the tape and its end, in one long
            line("long " + r + "Ends = " + method + "(v, " + at + ", " + limit + enclosing + ");");
            bail(r + "Ends < 0");
            line("int d" + id + " = (int) " + r + "Ends;");
            line("int " + r + " = (int) (" + r + "Ends >>> 32);");
            return new Decoded("d" + id, r);
        }
        line("at[0] = " + at + ";");
        line((rl != null && rl.shape != null ? typeName(rl.shape.type()) : "Object") + " " + r + " = " + method
                + "(v, at, " + limit + enclosing + ");");
        bail(r + " == null");
        line("int d" + id + " = at[0];");
        String value = rl == null ? null : rl.shape == null ? "(" + r + " == NULL ? null : " + r + ")" : r;
        return new Decoded("d" + id, value);
    }

    /**
     * Whether a level is written into the code of the level holding it rather than as a method of its own: a
     * level of a few parts without loops or choices (an IPv4 or TCP option, a DNS question), reading no field
     * of an enclosing level, whose code is short enough that the method holding it stays well within what the
     * compiler inlines.
     */
    private static boolean inline(MessageLayout layout) {
        Part[] parts = layout.partArray();
        if (!layout.enclosingNeeds().isEmpty() || parts.length > INLINE_PARTS) {
            return false;
        }
        for (Part p : parts) {
            MessageLayout body = p instanceof OptionalPart op ? op.body : p instanceof NestedPart np ? np.body : null;
            if (p instanceof RepeatPart || p instanceof ChoicePart || body != null && !inline(body)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index of {@code layout}'s need for {@code field} {@code up} levels above it: the parameter
     * {@code u<index>} of the method decoding its levels holds the field's value.
     */
    private static int need(MessageLayout layout, EnclosingField field, int up) {
        List<EnclosingField.Need> needs = layout.enclosingNeeds();
        for (int i = 0; i < needs.size(); i++) {
            if (needs.get(i).field() == field && needs.get(i).up() == up) {
                return i;
            }
        }
        throw new IllegalStateException(layout.name() + " does not need " + field.path);
    }

    /**
     * The name of the method decoding a level of {@code layout} for {@code rl}, written on first use; it takes
     * the values of the fields of enclosing levels the layout's conditions read, in the order of
     * {@link MessageLayout#enclosingNeeds()}.
     */
    private String levelMethod(MessageLayout layout, String lc, RecordLevel rl) {
        Map<Object, String> byRecord = levelMethods.computeIfAbsent(layout, k -> new IdentityHashMap<>());
        Object key = rl == null ? layout : rl.shape != null ? rl.shape.type() : rl;
        String name = byRecord.get(key);
        if (name != null) {
            return name;
        }
        name = Pattern.compile("[^A-Za-z0-9]+").matcher(layout.name()).replaceAll("_") + counter++;
        byRecord.put(key, name);
        StringBuilder outer = code;
        int outerIndent = indent;
        code = new StringBuilder();
        indent = 2;
        Decoded d = levelBody(layout, lc, rl, tape ? "from" : "at[0]", "limit");
        if (tape) {
            line("return (long) " + d.value + " << 32 | " + d.end + ";");
        } else {
            line("at[0] = " + d.end + ";");
            line("return " + (rl != null && rl.shape != null ? d.value : rl == null ? "Boolean.TRUE"
                    : d.value + " == null ? NULL : " + d.value) + ";");
        }
        String type = tape ? "long" : rl != null && rl.shape != null ? typeName(rl.shape.type()) : "Object";
        methods.append("\n    /** ").append(tape ? "Reads" : "Decodes").append(" a level of ").append(layout.name())
                .append(tape ? ": its place on the tape << 32 | its end; -1 to give up. */\n"
                        : " from {@code at[0]}; null to give up. */\n")
                .append(tape ? "" : "    @SuppressWarnings({\"unchecked\", \"rawtypes\"})\n")
                .append(tape ? "    private " : "    private static ").append(type).append(' ').append(name)
                .append(tape ? "(io.bufkit.ByteView v, int from, int limit" : "(io.bufkit.ByteView v, int[] at, int limit");
        for (int u = 0; u < layout.enclosingNeeds().size(); u++) {
            methods.append(", int u").append(u);
        }
        methods.append(") {\n").append(code).append("    }\n");
        code = outer;
        indent = outerIndent;
        return name;
    }

    /**
     * Writes the decoding of a level from offset {@code at} to at most {@code limit}, making its value for
     * {@code rl}, or none if {@code rl} is null.
     */
    private Decoded levelBody(MessageLayout layout, String lc, RecordLevel rl, String at, String limit) {
        int id = counter++;
        String a = "a" + id;
        String m = "m" + id;
        line("int " + a + " = " + at + ";");
        line("int " + m + " = " + limit + ";");
        ReaderSlots slots = tape ? ReaderSlots.of(layout) : null;
        String g = "g" + id;
        Part[] ps = layout.partArray();
        List<List<String>> extras = new ArrayList<>();
        String[] ends = new String[ps.length];
        String[] values = new String[ps.length];
        String[] varints = new String[ps.length];
        String prev = a;
        for (int i = 0; i < ps.length; i++) {
            boolean want = rl != null && (rl.shape == null ? i == 0 : rl.componentOf[i] >= 0);
            Class<?> type = !want ? null : rl.shape == null ? rl.type : rl.shape.type(rl.componentOf[i]);
            Scope scope = new Scope(layout, lc, a, ends, varints, id + "_" + i);
            Decoded d = part(scope, i, ps[i], prev, m, want ? rl.bindings[i] : null, type);
            ends[i] = d.end;
            values[i] = d.value;
            extras.add(d.tape);
            if (i == layout.lengthPart()) {
                bound(scope, (LevelLengthPart) ps[i], prev, m);
            }
            prev = d.end;
        }
        if (layout.lengthPart() >= 0) {
            bail(prev + " != " + m);
        }
        if (tape) {   // where the level starts, where each part ends, and the parts' extra slots, after the levels in it
            String tt = "t" + id;
            line("int " + g + " = reserve(" + slots.size() + ");");
            line("int[] " + tt + " = t;");
            line(tt + "[" + g + "] = " + a + ";");
            for (int i = 0; i < ps.length; i++) {
                if (slots.fixed()[i + 1] < 0) {
                    line(tt + "[" + g + " + " + (i + 1) + "] = " + ends[i] + ";");
                }
                for (int k = 0; slots.extra()[i] >= 0 && k < extras.get(i).size(); k++) {
                    line(tt + "[" + g + " + " + (slots.extra()[i] + k) + "] = " + extras.get(i).get(k) + ";");
                }
            }
            return new Decoded(prev, g);
        }
        if (rl == null || rl.shape == null) {
            return new Decoded(prev, rl == null ? null : values[0]);
        }
        String[] args = new String[rl.shape.size()];
        for (int i = 0; i < ps.length; i++) {
            int c = rl.componentOf[i];
            if (c >= 0) {
                Class<?> t = rl.shape.type(c);
                args[c] = t.isPrimitive() ? values[i] : "(" + typeName(t) + ") " + values[i];
            }
        }
        String r = "r" + id;
        String type = typeName(rl.shape.type());
        line(type + " " + r + " = " + call("new " + type, args) + ";");
        return new Decoded(prev, r);
    }

    /** Where a part is written: its level's layout, constant, start and the ends of the parts before it. */
    private record Scope(MessageLayout layout, String lc, String start, String[] ends, String[] varints,
            String suffix) {
        /** The offset a part starts at, before any prefix. */
        String startOf(int part) {
            return part == 0 ? start : ends[part - 1];
        }
    }

    private Decoded part(Scope s, int i, Part p, String at, String limit, ComponentBinding b, Class<?> type) {
        String e = "e" + s.suffix;
        String x = "x" + s.suffix;
        if (p instanceof SectionPart sp) {
            line("int " + e + " = " + at + " + " + sp.layout.size() + ";");
            bail(e + " > " + limit);
            if (sp.checked) {
                String section = constant(sp.layout, "sec", s.lc + ".parts().get(" + i + ").section()",
                        s.layout.parts().get(i).section());
                line("try {");
                line("    " + section + "." + (sp.checksumCoveredLater() ? "checkConstants" : "validate") + "(v.slice("
                        + at + ", " + e + "));");
                line("} catch (io.bufkit.layout.LayoutException wrong) {");
                line("    return " + giveUp + ";");
                line("}");
            }
            if (b == null) {
                return new Decoded(e, null);
            }
            String value;
            if (b instanceof SingleFieldBinding) {
                value = fieldValue(s, i, 0, sp.layout.fields().get(0), type, at, e);
            } else {
                SectionBinding sb = (SectionBinding) b;
                String[] args = new String[sb.shape.size()];
                List<LayoutField> fields = sp.layout.fields();
                for (int k = 0; k < fields.size(); k++) {
                    int c = sb.componentOf[k];
                    if (c >= 0) {
                        args[c] = fieldValue(s, i, k, fields.get(k), sb.shape.type(c), at, e);
                    }
                }
                value = call("new " + typeName(sb.shape.type()), args);
            }
            line(declared(type) + " " + x + " = " + value + ";");
            return new Decoded(e, x);
        } else if (p instanceof BytesPart bp) {
            return bytes(s, i, bp, at, limit, (BytesBinding) b, e, x);
        } else if (p instanceof RepeatPart rp) {
            return repeat(s, i, rp, at, limit, (RepeatBinding) b, e, x);
        } else if (p instanceof OptionalPart op) {
            SubLevelBinding sb = (SubLevelBinding) b;
            String test = constant(op.test, "when", s.lc + ".parts().get(" + i + ").condition()",
                    s.layout.parts().get(i).condition());
            String sub = "j" + s.suffix;
            line("int " + e + ";");
            if (tape) {
                line("int " + sub + " = -1;");
            }
            if (b != null) {
                line("Object " + x + ";");
            }
            String value = op.condition != null ? read(s, op.condition)
                    : "u" + need(s.layout, op.enclosing, op.enclosing.up);
            line("if (" + test + ".test(" + value + ")) {");
            indent++;
            Decoded d = level(s, op.body, held(s, i, op.body, -1), sb == null ? null : sb.body, at, limit);
            line(e + " = " + d.end + ";");
            if (tape) {
                line(sub + " = " + d.value + ";");
            }
            if (b != null) {
                line(x + " = " + (sb.optional ? "java.util.Optional.of(" + d.value + ")" : d.value) + ";");
            }
            indent--;
            line("} else {");
            line("    " + e + " = " + at + ";");
            if (b != null) {
                line("    " + x + " = " + (sb.optional ? "java.util.Optional.empty()" : "null") + ";");
            }
            line("}");
            return new Decoded(e, b == null ? null : x, List.of(sub));
        } else if (p instanceof ChoicePart cp) {
            return choice(s, i, cp, at, limit, (ChoiceBinding) b, e, x);
        } else if (p instanceof ChecksumPart ck) {
            String field = checksum(s, ck.section, ck.field);
            bail("!" + field + ".verify(v.slice(" + s.startOf(ck.section.index) + ", " + at + "))");
            return new Decoded(at, null);
        } else if (p instanceof ChecksumOverPart co) {   // declared after the parts it covers
            String field = checksum(s, co.section, co.field);
            String section = s.startOf(co.section.index);
            bail(field + ".computeApart(v.slice(" + s.startOf(co.first.index) + ", " + s.ends[co.last.index] + ")) != "
                    + field + ".get(v.slice(" + section + ", " + section + " + " + co.section.layout.size() + "))");
            return new Decoded(at, null);
        } else if (p instanceof VarintPart vp) {
            return varint(s, i, vp, at, limit, b, type, e, x);
        } else if (p instanceof CustomPart cp) {
            String kind = constant(cp.kind, "kind", s.lc + ".parts().get(" + i + ").fieldKind()",
                    s.layout.parts().get(i).fieldKind());
            line("int " + e + ";");
            line("try {");
            line("    " + e + " = " + kind + ".end(v, " + at + ", " + limit + ");");
            line("} catch (io.bufkit.message.FieldFault malformed) {");
            line("    return " + giveUp + ";");
            line("}");
            bail(e + " < " + at + " || " + e + " > " + limit);
            if (b == null) {
                return new Decoded(e, null);
            }
            line("Object " + x + ";");
            line("try {");
            line("    " + x + " = " + kind + ".read(v, " + at + ");");
            line("} catch (io.bufkit.message.FieldFault malformed) {");
            line("    return " + giveUp + ";");
            line("}");
            return new Decoded(e, x);
        } else if (p instanceof NestedPart np) {
            String end = limit;
            if (np.size != null) {
                end = sizedEnd(s, np.sizeField, np.size, at, limit, "z" + s.suffix);
            }
            SubLevelBinding sb = (SubLevelBinding) b;
            Decoded d = level(s, np.body, held(s, i, np.body, -1), sb == null ? null : sb.body, at, end);
            if (np.size != null) {
                bail(d.end + " != " + end);
            }
            return new Decoded(d.end, d.value, List.of(d.value));
        } else if (p instanceof PseudoHeaderChecksumPart ph && ph.header.checked) {
            pseudoHeader(s, ph);
            return new Decoded(at, null);
        } else if (p instanceof LevelLengthPart || p instanceof PseudoHeaderChecksumPart) {
            return new Decoded(at, null);
        }
        throw unsupported(s.layout, p, "this kind of part");
    }

    private Decoded bytes(Scope s, int i, BytesPart bp, String at, String limit, BytesBinding b, String e, String x) {
        String from = at;
        String content = e;
        String isNull = null;
        switch (bp.kind) {
            case SIZED -> sizedEnd(s, bp.sizeField, bp.size, at, limit, e);
            case PREFIXED -> {
                int w = bp.prefixWidth;
                bail(at + " + " + w + " > " + limit);
                String prefix = w == 1 ? "v.u8(" + at + ")" : w == 2 ? "v.u16be(" + at + ")" : "v.u32be(" + at + ")";
                String len = "n" + s.suffix;
                line("long " + len + " = " + prefix + " - " + bp.prefixCounts + ";");
                bail(len + " < 0 || " + at + " + " + w + " + " + len + " > " + limit);
                from = "(" + at + " + " + w + ")";
                line("int " + e + " = (int) (" + at + " + " + w + " + " + len + ");");
            }
            case NULLABLE -> {
                int w = bp.prefixWidth;
                bail(at + " + " + w + " > " + limit);
                String len = "n" + s.suffix;
                line("long " + len + " = " + (w == 2 ? "v.i16be(" : "v.i32be(") + at + ")"
                        + (bp.prefixCounts == 0 ? "" : " - " + bp.prefixCounts) + ";");
                bail(len + " < -1 || " + len + " >= 0 && " + at + " + " + w + " + " + len + " > " + limit);
                isNull = len + " == -1";
                from = "(" + at + " + " + w + ")";
                line("int " + e + " = (int) (" + at + " + " + w + " + Math.max(0, " + len + "));");
            }
            case COMPACT, NULLABLE_COMPACT -> {
                String prefix = "w" + s.suffix;
                String after = "y" + s.suffix;
                varintCode(s.suffix, at, limit, BytesPart.COMPACT_VARINT_BYTES, prefix, after);
                if (bp.kind == BytesPart.Kind.COMPACT) {
                    bail(prefix + " == 0");
                } else {
                    isNull = prefix + " == 0";
                }
                bail(prefix + " != 0 && " + after + " + (" + prefix + " - 1L) > " + limit);
                from = after;
                line("int " + e + " = " + prefix + " == 0 ? " + after + " : " + after + " + " + prefix + " - 1;");
            }
            case NUL_TERMINATED -> {
                String nul = "z" + s.suffix;
                line("int " + nul + " = v.indexOf((byte) 0, " + at + ");");
                bail(nul + " < 0 || " + nul + " >= " + limit);
                line("int " + e + " = " + nul + " + 1;");
                content = nul;
            }
            case REST -> {   // up to the fixed parts after it and the bytes sized by fields before it
                StringBuilder after = new StringBuilder(bp.trailer == 0 ? "" : " - " + bp.trailer);
                for (BytesPart sized : bp.sizedTrailer == null ? new BytesPart[0] : bp.sizedTrailer) {
                    after.append(" - Math.max(0, ").append(size(s, sized.sizeField, sized.size)).append(")");
                }
                if (bp.sizedTrailer == null) {
                    line("int " + e + " = " + limit + after + ";");
                    bail(e + " < " + at);
                } else {   // sizes of up to 2^32 each: in a long
                    line("long " + e + "Long = (long) " + limit + after + ";");
                    bail(e + "Long < " + at);
                    line("int " + e + " = (int) " + e + "Long;");
                }
            }
        }
        // a reader keeps where the content starts, or -1 for null
        List<String> kept = List.of(isNull == null ? from : "(" + isNull + " ? -1 : " + from + ")");
        if (b == null) {
            return new Decoded(e, null, kept);
        }
        String slice = "v.slice(" + from + ", " + content + ")";
        String value = switch (b.as) {
            case BYTES -> "io.bufkit.Bytes.copyOf(" + slice + ")";
            case ARRAY -> slice + ".toByteArray()";
            case STRING -> slice + ".toString(java.nio.charset.StandardCharsets.UTF_8)";
        };
        value = b.optional ? "java.util.Optional.of(" + value + ")" : value;
        if (isNull != null) {
            value = isNull + " ? " + (b.optional ? "java.util.Optional.empty()" : "null") + " : " + value;
        }
        line("Object " + x + " = " + value + ";");
        return new Decoded(e, x, kept);
    }

    private Decoded repeat(Scope s, int i, RepeatPart rp, String at, String limit, RepeatBinding b, String e,
            String x) {
        String layout = held(s, i, rp.element, -1);
        RecordLevel element = b == null ? null : b.element;
        String items = "q" + s.suffix;
        String count = "c" + s.suffix;
        String index = "j" + s.suffix;   // a reader's index of the elements' places on the tape
        line("int " + e + " = " + at + ";");
        if (tape) {
            line("int " + index + " = -1;");
            line("int " + index + "Count = 0;");
        }
        if (rp.nullable && b != null) {
            line("Object " + x + " = " + (b.optional ? "java.util.Optional.empty()" : "null") + ";");
        }
        if (rp.count == null) {   // up to the end of its size or of the level, or up to a terminator byte
            String end = limit;
            if (rp.size != null) {
                end = sizedEnd(s, rp.sizeField, rp.size, at, limit, "z" + s.suffix);
            }
            if (b != null) {   // room for as many elements as fit, up to 8, then twice as many each time
                int least = rp.element.minSize();
                String room = "(" + end + " - " + at + ")" + (least > 1 ? " / " + least : "");
                line("Object[] " + items + " = " + end + " == " + at + " ? NONE : new Object[Math.min(" + room
                        + ", 8)];");
                line("int " + count + " = 0;");
            }
            line("while (true) {");
            indent++;
            line("if (" + e + " >= " + end + ") {");
            line(rp.terminator == RepeatPart.TO_END ? "    break;" : "    return " + giveUp + ";");
            line("}");
            if (rp.terminator != RepeatPart.TO_END) {
                line("if (v.u8(" + e + ") == " + rp.terminator + ") {");
                line("    " + e + "++;");
                line("    break;");
                line("}");
            }
            Decoded d = level(s, rp.element, layout, element, e, end);
            bail(d.end + " == " + e);
            link(index, d.value);
            if (b != null) {
                line("if (" + count + " == " + items + ".length) {");
                line("    " + items + " = java.util.Arrays.copyOf(" + items + ", Math.max(4, " + count + " * 2));");
                line("}");
                line(items + "[" + count + "++] = " + d.value + ";");
            }
            line(e + " = " + d.end + ";");
            indent--;
            line("}");
            index(index);
        } else {   // counted
            int each = Math.max(rp.element.minSize(), 1);
            line("long " + count + " = " + (rp.countSize == null ? "(long) " + read(s, rp.count)
                    : size(s, rp.count, rp.countSize)) + ";");
            if (rp.nullable) {
                line("if (" + count + " != -1) {");
                indent++;
            }
            bail(count + " < 0 || " + count + " * " + each + " > " + limit + " - " + at);
            if (b != null) {
                line("Object[] " + items + " = new Object[(int) " + count + "];");
            }
            String k = "k" + s.suffix;
            line("for (int " + k + " = 0; " + k + " < " + count + "; " + k + "++) {");
            indent++;
            Decoded d = level(s, rp.element, layout, element, e, limit);
            link(index, d.value);
            if (b != null) {
                line(items + "[" + k + "] = " + d.value + ";");
            }
            line(e + " = " + d.end + ";");
            indent--;
            line("}");
            index(index);
            if (rp.nullable) {
                if (b != null) {
                    String list = "io.bufkit.message.GeneratedDecoder.elements(" + items + ", (int) " + count + ")";
                    line(x + " = " + (b.optional ? "java.util.Optional.of(" + list + ")" : list) + ";");
                }
                indent--;
                line("}");
            }
        }
        if (b == null) {
            return new Decoded(e, null, List.of(index));
        }
        if (!rp.nullable) {
            line("Object " + x + " = io.bufkit.message.GeneratedDecoder.elements(" + items + ", (int) " + count + ");");
        }
        return new Decoded(e, x);
    }

    /**
     * For a reader: keeps an element's place on the tape ({@code element}) on the reader's stack until its
     * repeat ends (the repeats of an element end before their element does, so each finds its own on top).
     */
    private void link(String index, String element) {
        if (!tape) {
            return;
        }
        line("push(" + element + ");");
        line(index + "Count++;");
    }

    /** For a reader: moves a repeat's elements' places from the stack to its index on the tape, after a count. */
    private void index(String index) {
        if (!tape) {
            return;
        }
        line(index + " = index(" + index + "Count);");
    }

    private Decoded choice(Scope s, int i, ChoicePart cp, String at, String limit, ChoiceBinding b, String e,
            String x) {
        String end = limit;
        if (cp.sizeField != null) {
            end = sizedEnd(s, cp.sizeField, cp.size, at, limit, "z" + s.suffix);
        }
        String sub = "j" + s.suffix;
        line("int " + e + ";");
        if (tape) {
            line("int " + sub + " = -1;");
            line("int " + sub + "Tag = -1;");
        }
        if (b != null) {
            line("Object " + x + ";");
        }
        line("switch (" + read(s, cp.discriminator) + ") {");
        for (int tag = 0; tag < cp.keys.length; tag++) {
            line("case " + cp.keys[tag] + " -> {");
            indent++;
            MessageLayout alt = cp.levelLayout(tag);
            Decoded d = level(s, alt, held(s, i, alt, cp.keys[tag]), b == null ? null : b.byTag[tag], at, end);
            if (cp.sizeField != null) {
                bail(d.end + " != " + end);
            }
            line(e + " = " + d.end + ";");
            if (tape) {
                line(sub + " = " + d.value + ";");
                line(sub + "Tag = " + tag + ";");
            }
            if (b != null) {
                line(x + " = " + d.value + ";");
            }
            indent--;
            line("}");
        }
        line("default -> {");
        if (cp.sizeField != null && (b == null || b.raw != null)) {   // unknown: its bytes, as a raw record
            line("    " + e + " = " + end + ";");
            if (b != null) {
                String bytes = "v.slice(" + at + ", " + end + ")";
                line("    " + x + " = new " + typeName(b.raw.type()) + "(" + (b.raw.type(0) == byte[].class
                        ? bytes + ".toByteArray()" : "io.bufkit.Bytes.copyOf(" + bytes + ")") + ");");
            }
        } else {
            line("    return " + giveUp + ";");
        }
        line("}");
        line("}");
        return new Decoded(e, b == null ? null : x, List.of(sub, sub + "Tag"));
    }

    /**
     * An unsigned base-128 varint, least significant group first, of at most the part's bytes, which must fit
     * an int: as {@link VarintPart#end} checks it.
     */
    private Decoded varint(Scope s, int i, VarintPart vp, String at, String limit, ComponentBinding b, Class<?> type,
            String e, String x) {
        String value = "w" + s.suffix;
        varintCode(s.suffix, at, limit, vp.maxBytes, value, e);
        s.varints[i] = value;
        if (b == null) {
            return new Decoded(e, null, List.of(value));
        }
        line(declared(type) + " " + x + " = " + value + ";");
        return new Decoded(e, x);
    }

    /**
     * Writes the read of an unsigned base-128 varint, least significant group first, of at most
     * {@code maxBytes} bytes that must fit an int, as {@link VarintPart#end} checks it: its value into a new
     * int {@code value}, where it ends into a new int {@code end}.
     */
    private void varintCode(String suffix, String at, String limit, int maxBytes, String value, String end) {
        String k = "k" + suffix;
        String octet = "o" + suffix;
        line("int " + value + " = 0;");
        line("int " + end + " = " + at + ";");
        line("for (int " + k + " = 0; ; " + k + "++) {");
        line("    if (" + k + " == " + maxBytes + " || " + at + " + " + k + " >= " + limit + ") {");
        line("        return " + giveUp + ";");
        line("    }");
        line("    int " + octet + " = v.u8(" + at + " + " + k + ");");
        line("    " + value + " |= (" + octet + " & 0x7F) << (7 * " + k + ");");
        line("    if ((" + octet + " & 0x80) == 0) {");
        if (7 * maxBytes > 31) {
            line("        if (" + k + " == " + (maxBytes - 1) + " && " + octet + " > 0x07) {");
            line("            return " + giveUp + ";");
            line("        }");
        }
        line("        " + end + " = " + at + " + " + k + " + 1;");
        line("        break;");
        line("    }");
        line("}");
    }

    /**
     * Writes the end of a part whose size a field gives, into a new int {@code end}, giving up if the size is
     * negative or reaches past {@code limit}, as {@link LevelTape#sizedEnd} fails; gives {@code end}.
     */
    private String sizedEnd(Scope s, FieldRef ref, Size size, String at, String limit, String end) {
        String len = "n" + s.suffix;
        line("long " + len + " = " + size(s, ref, size) + ";");
        bail(len + " < 0 || " + at + " + " + len + " > " + limit);
        line("int " + end + " = (int) (" + at + " + " + len + ");");
        return end;
    }

    /** Writes the bound a level's length sets on the parts after it, as {@link LevelLengthPart#bound} does. */
    private void bound(Scope s, LevelLengthPart lp, String at, String limit) {
        String len = "b" + s.suffix;
        String from = lp.total ? s.start : at;
        line("long " + len + " = " + size(s, lp.sizeField, lp.size) + ";");
        bail(len + " < " + at + " - " + from + " || " + from + " + " + len + " > " + limit);
        line(limit + " = (int) (" + from + " + " + len + ");");
    }

    /** The value of a section's field as a record component of {@code type}. */
    private String fieldValue(Scope s, int part, int k, LayoutField f, Class<?> type, String at, String end) {
        Class<?> handle = handleType(f);
        String prefix = handle == IntField.class ? "f" : handle == ChecksumField.class ? "sum"
                : handle.getSimpleName().replace("Field", "").toLowerCase(java.util.Locale.ROOT);
        String field = constant(f, prefix,
                "(" + handle.getCanonicalName() + ") " + s.lc + ".parts().get(" + part + ").section().fields().get("
                + k + ")", s.layout.parts().get(part).section().fields().get(k));
        String slice = "(v.slice(" + at + ", " + end + "))";
        Class<?> boxed = java.lang.invoke.MethodType.methodType(type).wrap().returnType();
        if (f instanceof IntField) {
            if (type == int.class || type == Integer.class) {
                return wireRead(f, at, field + ".get(v, " + at + ")");
            }
            if (f.bitWidth() == 1 && (type == boolean.class || type == Boolean.class)) {
                return wireRead(f, at, field + ".get(v, " + at + ")") + " != 0";
            }
        } else if (f instanceof io.bufkit.layout.BytesField && type == byte[].class) {
            return field + ".get" + slice + ".toByteArray()";
        } else if (f instanceof io.bufkit.layout.TextField && type == String.class) {
            return field + ".string" + slice;
        } else if (f instanceof io.bufkit.layout.BytesField && type == io.bufkit.Bytes.class) {
            return field + ".copy" + slice;
        } else if (boxed == NATURAL.get(handle)) {
            return boxed == Long.class ? "(long) " + wireRead(f, at, field + ".get" + slice) : field + ".get" + slice;
        }
        throw new IllegalArgumentException(s.layout.name() + ": field " + f.name() + " (" + f.typeName() + ") as "
                + type.getSimpleName() + " is not generated yet; decode it with the codec itself");
    }

    /**
     * The read of an integer, checksum or most-significant-first bit field of a section starting at {@code at}
     * of view {@code v}, straight from the view, as its handle reads it: a whole-byte field through the view's
     * read named like its wire type ({@code v.u16be(at + 2)}), a checksum through the unsigned read of its
     * width and byte order, a bit field of up to 32 bits shifted and masked out of its bytes; for any other
     * field, {@code otherwise} (the handle's own read). The handle's reads check the section's bounds, which
     * the generated code has checked before it reads.
     */
    static String wireRead(LayoutField f, String at, String otherwise) {
        String where = f.offset() == 0 ? at : at + " + " + f.offset();
        io.bufkit.layout.WireType w = f.wireType();
        String read = switch (w) {
            case U8, I8, U16BE, U16LE, I16BE, I16LE, I32BE, I32LE, U32BE, U32LE, I64BE, I64LE, U24BE, U24LE, I24BE,
                    I24LE -> w.typeName();
            case INTERNET_CHECKSUM -> "u16be";
            case CRC32BE, CRC32CBE -> "u32be";
            case CRC32LE, CRC32CLE -> "u32le";
            case BITS -> f.width() == 1 ? "u8" : f.width() == 2 ? "u16be" : null;
            default -> null;
        };
        if (read == null) {
            return otherwise;
        }
        String value = "v." + read + "(" + where + ")";
        if (w != io.bufkit.layout.WireType.BITS) {
            return value;
        }
        int shift = 8 * f.width() - f.bitOffset() - f.bitWidth();
        return "(" + (shift == 0 ? value : value + " >>> " + shift) + " & 0x" + Integer.toHexString((1 << f.bitWidth()) - 1)
                + ")";
    }

    /** The boxed Java type a field's {@code get(ByteView)} gives, by the field's interface. */
    private static final Map<Class<?>, Class<?>> NATURAL = Map.of(LongField.class, Long.class,
            io.bufkit.layout.FloatField.class, Float.class, io.bufkit.layout.DoubleField.class, Double.class,
            io.bufkit.layout.FlagsField.class, Integer.class, ChecksumField.class, Long.class);

    /** The public interface of a section's field: {@code IntField}, {@code TextField}, ... */
    static Class<?> handleType(LayoutField f) {
        for (Class<?> c : LayoutField.class.getPermittedSubclasses()) {
            if (c.isInstance(f)) {
                return c;
            }
        }
        throw new IllegalStateException("no field interface for " + f);
    }

    /**
     * Writes the check of a transport checksum over a pseudo-header, as {@link PseudoHeaderChecksumPart} checks
     * it when decoding: for the level the held part holds (a nested or conditional part's body, or a choice's
     * alternative), if that level's first part is the section with the checksum.
     */
    private void pseudoHeader(Scope s, PseudoHeaderChecksumPart ph) {
        Part held = ph.held;
        String from = s.startOf(held.index);
        String to = s.ends[held.index];
        if (held instanceof ChoicePart cp) {
            line("switch (" + read(s, cp.discriminator) + ") {");
            for (int tag = 0; tag < cp.keys.length; tag++) {
                String field = coveredChecksum(s, ph, cp.levelLayout(tag), cp.keys[tag]);
                if (field != null) {
                    line("case " + cp.keys[tag] + " -> {");
                    indent++;
                    pseudoHeaderCheck(s, ph, field, from, to);
                    indent--;
                    line("}");
                }
            }
            line("default -> {");
            line("}");
            line("}");
            return;
        }
        MessageLayout body = held instanceof NestedPart np ? np.body : held instanceof OptionalPart op ? op.body : null;
        if (body == null) {
            throw unsupported(s.layout, ph, "a pseudo-header checksum of this kind of part");
        }
        String field = coveredChecksum(s, ph, body, -1);
        if (field == null) {
            return;
        }
        if (held instanceof NestedPart) {
            pseudoHeaderCheck(s, ph, field, from, to);
            return;
        }
        line("if (" + to + " > " + from + ") {   // present: its first part is a section");
        indent++;
        pseudoHeaderCheck(s, ph, field, from, to);
        indent--;
        line("}");
    }

    /**
     * The constant holding the checksum over the pseudo-header that {@code layout}, held by {@code ph}'s part,
     * declares in its first part; null if it declares none.
     */
    private String coveredChecksum(Scope s, PseudoHeaderChecksumPart ph, MessageLayout layout, int key) {
        PseudoHeaderChecksumPart.Covered c = ph.covered.get(layout);
        if (c == null) {
            return null;
        }
        if (c.section().index != 0) {
            throw unsupported(s.layout, ph, "a pseudo-header checksum in a section after the level's first part");
        }
        String lc = held(s, ph.held.index, layout, key);
        int k = c.section().layout.fields().indexOf(c.field());
        return constant(c.field(), "sum", "(io.bufkit.layout.ChecksumField) " + lc
                + ".parts().get(0).section().fields().get(" + k + ")",
                layout.parts().get(0).section().fields().get(k));
    }

    /** Writes the pseudo-header of the bytes from {@code from} to {@code to} and the check of {@code field}. */
    private void pseudoHeaderCheck(Scope s, PseudoHeaderChecksumPart ph, String field, String from, String to) {
        int n = ph.header.addressBytes;
        String header = "h" + s.suffix;
        String number = "p" + s.suffix;
        String covered = "c" + s.suffix;
        String source = s.startOf(ph.source.section().index) + " + " + ph.source.field().offset();
        String destination = s.startOf(ph.destination.section().index) + " + " + ph.destination.field().offset();
        line("byte[] " + header + "Bytes = new byte[" + ph.header.size() + "];");
        line("v.slice(" + source + ", " + source + " + " + n + ").copyTo(" + header + "Bytes, 0);");
        line("v.slice(" + destination + ", " + destination + " + " + n + ").copyTo(" + header + "Bytes, " + n + ");");
        line("io.bufkit.MutableByteView " + header + " = io.bufkit.MutableByteView.wrap(" + header + "Bytes);");
        line("int " + number + " = v.u8(" + s.startOf(ph.protocol.section().index) + " + "
                + ph.protocol.field().offset() + ");");
        if (n == 4) {
            line(header + ".putU8(9, " + number + ");");
            line(header + ".putU16be(10, " + to + " - " + from + ");");
        } else {
            line(header + ".putI32be(32, " + to + " - " + from + ");");
            line(header + ".putU8(39, " + number + ");");
        }
        line("io.bufkit.ByteView " + covered + " = v.slice(" + from + ", " + to + ");");
        String none = n == 4 ? "!(" + number + " == 17 && " + field + ".get(" + covered + ") == 0) && " : "";
        bail(none + "!" + field + ".verify(" + header + ", " + covered + ")");
    }

    /** The constant holding checksum field {@code field} of section part {@code section} of this level. */
    private String checksum(Scope s, SectionPart section, ChecksumField field) {
        int k = section.layout.fields().indexOf(field);
        return constant(field, "sum", "(io.bufkit.layout.ChecksumField) " + s.lc + ".parts().get(" + section.index
                + ").section().fields().get(" + k + ")", s.layout.parts().get(section.index).section().fields().get(k));
    }

    /** The read of an integer field of a section of this level. */
    private String read(Scope s, FieldRef ref) {
        if (ref.varint != null && s.varints[ref.section] != null) {
            return s.varints[ref.section];
        }
        if (ref.field == null) {
            throw new IllegalArgumentException(s.layout.name() + ": " + ref.path + " (" + ref.typeName() + ") is read "
                    + "by a later part, which is not generated yet; decode it with the codec itself");
        }
        String f = constant(ref.field, "f", "(io.bufkit.layout.IntField) " + s.lc + ".parts().get(" + ref.section
                + ").section().fields().get(" + ref.fieldIndex + ")",
                s.layout.parts().get(ref.section).section().fields().get(ref.fieldIndex));
        return wireRead(ref.field, s.startOf(ref.section), f + ".get(v, " + s.startOf(ref.section) + ")");
    }

    /** The arithmetic of a {@link Size} on its field, as a {@code long} expression. */
    private String size(Scope s, FieldRef ref, Size size) {
        String value = "(long) " + read(s, ref);
        if (size.factor() != 1) {
            value += " * " + size.factor();
        }
        int c = size.constant();
        return c == 0 ? value : value + (c < 0 ? " - " + -(long) c : " + " + c) + "L";
    }

    /**
     * The constant holding the layout a part holds: its body, or with {@code key} not -1 a choice's
     * alternative, navigated to through the public descriptions.
     */
    private String held(Scope s, int part, MessageLayout layout, int key) {
        MessagePart described = s.layout.parts().get(part);
        String nav = s.lc + ".parts().get(" + part + ")" + (key == -1 ? ".body()" : ".alternatives().get(" + key + ")");
        return constant(layout, "L", nav, key == -1 ? described.body() : described.alternatives().get(key));
    }

    /**
     * The name of the static constant holding {@code object}, read at class initialisation through
     * {@code expression}; {@code found} is what the expression gives now, which must be the object itself.
     */
    private String constant(Object object, String prefix, String expression, Object found) {
        String name = names.get(object);
        if (name != null) {
            return name;
        }
        if (found != object) {
            throw new IllegalStateException(expression + " does not give " + object);
        }
        name = prefix.toUpperCase(java.util.Locale.ROOT) + names.size();
        names.put(object, name);
        String type = object instanceof MessageLayout ? "io.bufkit.message.MessageLayout"
                : object instanceof java.util.function.IntPredicate ? "java.util.function.IntPredicate"
                : object instanceof io.bufkit.layout.PacketLayout ? "io.bufkit.layout.PacketLayout"
                : object instanceof FieldKind ? "io.bufkit.message.FieldKind<?>"
                : handleType((LayoutField) object).getCanonicalName();
        constants.put(name, "    private static final " + type + " " + name + " =\n            " + expression + ";\n");
        return name;
    }

    private void bail(String condition) {
        line("if (" + condition + ") {");
        line("    return " + giveUp + ";");
        line("}");
    }

    private void line(String text) {
        for (String l : text.split("\n")) {
            code.append("    ".repeat(indent)).append(l).append('\n');
        }
    }

    /** A call or constructor with its arguments, one per line when they make the line long. */
    private String call(String head, String[] args) {
        String one = head + "(" + String.join(", ", args) + ")";
        if (one.length() + 4 * indent + 24 <= MOST_COLUMNS) {
            return one;
        }
        return head + "(\n        " + String.join(",\n        ", args) + ")";
    }

    private static String declared(Class<?> type) {
        return type.isPrimitive() ? type.getName() : "Object";
    }

    private String typeName(Class<?> type) {
        if (type.isPrimitive()) {
            return type.getName();
        }
        if (!java.lang.reflect.Modifier.isPublic(type.getModifiers()) || type.getCanonicalName() == null) {
            throw new IllegalArgumentException(type.getName() + " is not a public type; a generated decoder makes "
                    + "its records from another class");
        }
        return type.getCanonicalName();
    }

    /** For a reader: writes the methods reading the levels under {@code root}; gives the root's method. */
    String walk(MessageLayout root) {
        names.put(root, "L0");
        return levelMethod(root, "L0", null);
    }

    /**
     * The declarations of the constants that {@code code} reads and of those their own expressions read, in
     * the order they were made; left out are those nothing reads, such as the handle of a field the code
     * reads straight from the view.
     */
    CharSequence constants(CharSequence code) {
        Set<String> used = new HashSet<>();
        Matcher m = CONSTANT.matcher(code);
        while (m.find()) {
            used.add(m.group());
        }
        List<String> made = new ArrayList<>(constants.keySet());
        for (int i = made.size() - 1; i >= 0; i--) {   // an expression reads only constants made before its own
            if (used.contains(made.get(i))) {
                m = CONSTANT.matcher(constants.get(made.get(i)));
                while (m.find()) {
                    used.add(m.group());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (String name : made) {
            if (used.contains(name)) {
                out.append(constants.get(name));
            }
        }
        return out;
    }

    /** The generated methods. */
    CharSequence methods() {
        return methods;
    }

    /** For a reader: the constant holding field {@code k} of section part {@code part} of {@code layout}. */
    String sectionField(MessageLayout layout, String lc, int part, int k) {
        LayoutField f = ((SectionPart) layout.partArray()[part]).layout.fields().get(k);
        Class<?> handle = handleType(f);
        return constant(f, "f", "(" + handle.getCanonicalName() + ") " + lc + ".parts().get(" + part
                + ").section().fields().get(" + k + ")", layout.parts().get(part).section().fields().get(k));
    }

    /** For a reader: the constant holding the layout a part holds (see {@link #held(Scope, int, MessageLayout, int)}). */
    String heldLayout(MessageLayout layout, String lc, int part, MessageLayout held, int key) {
        return held(new Scope(layout, lc, null, null, null, null), part, held, key);
    }

    /** For a reader: the constant holding a custom part's field kind. */
    String kind(MessageLayout layout, String lc, int part) {
        return constant(((CustomPart) layout.partArray()[part]).kind, "kind", lc + ".parts().get(" + part
                + ").fieldKind()", layout.parts().get(part).fieldKind());
    }

    private static IllegalArgumentException unsupported(MessageLayout layout, Part p, String what) {
        return new IllegalArgumentException(layout.name() + ": part " + p.name + " (" + p.declaration() + "): " + what
                + " is not generated yet; decode it with the codec itself");
    }

    /**
     * The fingerprint of a codec's record level and every level under it: the layouts' declarations, the
     * sections' fields, and the record types with their components' types.
     */
    static String fingerprint(RecordLevel root) {
        StringBuilder text = new StringBuilder();
        describe(root.layout, text, new IdentityHashMap<>());
        describe(root, text, new IdentityHashMap<>());
        return sha256(text);
    }

    /** The fingerprint of a layout and every layout under it: their declarations and the sections' fields. */
    static String fingerprint(MessageLayout root) {
        StringBuilder text = new StringBuilder();
        describe(root, text, new IdentityHashMap<>());
        return sha256(text);
    }

    private static String sha256(CharSequence text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void describe(MessageLayout layout, StringBuilder out, Map<Object, Boolean> seen) {
        if (seen.put(layout, Boolean.TRUE) != null) {
            return;
        }
        out.append(layout).append('\n');
        for (Part p : layout.partArray()) {
            if (p instanceof SectionPart sp) {
                out.append(sp.layout).append('\n');
            }
            for (MessageLayout held : p.heldLayouts()) {
                describe(held, out, seen);
            }
        }
    }

    private static void describe(RecordLevel level, StringBuilder out, Map<Object, Boolean> seen) {
        if (level == null || seen.put(level, Boolean.TRUE) != null) {
            return;
        }
        out.append(level.layout.name()).append(" -> ").append(level.type.getName());
        if (level.shape != null) {
            for (int c = 0; c < level.shape.size(); c++) {
                out.append(' ').append(level.shape.describe(c));
            }
        }
        out.append('\n');
        for (ComponentBinding b : level.bindings) {
            if (b instanceof RepeatBinding r) {
                describe(r.element, out, seen);
            } else if (b instanceof SubLevelBinding sub) {
                describe(sub.body, out, seen);
            } else if (b instanceof ChoiceBinding ch) {
                for (RecordLevel alt : ch.byTag) {
                    describe(alt, out, seen);
                }
            } else if (b instanceof SectionBinding sb) {
                out.append(sb.shape.type().getName()).append('\n');
            }
        }
    }
}

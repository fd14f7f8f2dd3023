package io.bufkit.testkit;

import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.layout.BytesField;
import io.bufkit.layout.DoubleField;
import io.bufkit.layout.FlagsField;
import io.bufkit.layout.FloatField;
import io.bufkit.layout.IntField;
import io.bufkit.layout.LayoutField;
import io.bufkit.layout.LongField;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generators for {@link PacketLayout}s: values and packets of a given layout, arbitrary bytes in place of
 * a packet, and random layouts.
 *
 * <pre>{@code
 * @Test
 * void sensorPacketsSurviveDecodeAndEncode() {
 *     Property.forAll(PacketLayouts.packets(SensorPacket.LAYOUT)).check(packet -> {
 *         SensorPacket p = SensorPacket.CODEC.decode(ByteView.wrap(packet));
 *         MutableByteView out = MutableByteView.allocate(SensorPacket.CODEC.size());
 *         SensorPacket.CODEC.encode(p, out);
 *         assertArrayEquals(packet, out.toByteArray());
 *     });
 * }
 *
 * @Test
 * void arbitraryBytesAreDecodedOrRejectedWithLayoutException() {
 *     Property.forAll(PacketLayouts.arbitraryPackets(SensorPacket.LAYOUT)).check(bytes -> {
 *         try {
 *             SensorPacket.CODEC.decode(ByteView.wrap(bytes));
 *         } catch (LayoutException expected) {
 *             // the documented rejection of bad input
 *         }
 *     });
 * }
 * }</pre>
 *
 * <p>Field values are edge-biased like the generators of {@link Gen}: the ends of an integer type's range,
 * 0 and ±1; special floating-point values (NaN, ±infinity, ±0.0, subnormals) and arbitrary bit patterns.
 * Constant fields always hold their constant. Every generator here shrinks.
 */
public final class PacketLayouts {

    private PacketLayouts() {
    }

    /**
     * Values of one field, anywhere in the range of its type: {@link Integer}, {@link Long}, {@link Float},
     * {@link Double} or {@link Bytes}, as {@link LayoutValues} holds them. The field's constant, if any, is
     * not taken into account.
     *
     * @param field the field
     * @return the generator
     */
    public static Gen<Object> fieldValues(LayoutField field) {
        Objects.requireNonNull(field, "field");
        if (field instanceof IntField i) {
            return Gen.ints(i.min(), i.max()).map(v -> v);
        } else if (field instanceof LongField l) {
            return Gen.longs(l.min(), l.max()).map(v -> v);
        } else if (field instanceof FloatField) {
            return Gen.floats().map(v -> v);
        } else if (field instanceof DoubleField) {
            return Gen.doubles().map(v -> v);
        } else if (field instanceof BytesField b) {
            return Gen.bytes(b.width(), b.width()).map(Bytes::of);
        } else if (field instanceof io.bufkit.layout.ChecksumField c) {
            return Gen.longs(0, c.wireType().max()).map(v -> v);
        } else if (field instanceof io.bufkit.layout.TextField t) {
            return Gen.ints(0, t.width()).flatMap(n -> Gen.bytes(n, n)).map(b -> {
                char[] text = new char[b.length];
                for (int i = 0; i < b.length; i++) {
                    text[i] = (char) ('a' + Math.floorMod(b[i], 26));   // letters: no padding byte, one byte each
                }
                return (Object) new String(text);
            });
        }
        FlagsField f = (FlagsField) field;
        return (f.bitCount() == 32 ? Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE)
                : Gen.ints(0, (1 << f.bitCount()) - 1)).map(v -> v);
    }

    /**
     * Values for every field of a layout: each in the range of its field's type, and each constant field
     * holding its constant, so that the encoded packet passes {@link PacketLayout#validate(io.bufkit.ByteView)}.
     * Shrinks field by field towards simple values.
     *
     * @param layout the layout
     * @return the generator
     */
    public static Gen<LayoutValues> values(PacketLayout layout) {
        Objects.requireNonNull(layout, "layout");
        MutableByteView scratch = MutableByteView.allocate(layout.size());
        layout.writeConstants(scratch);
        LayoutValues constants = LayoutValues.read(layout, scratch);
        Gen<List<Object>> all = Gen.constant(List.of());
        for (LayoutField f : layout.fields()) {
            Gen<Object> one = f.isConstant() ? Gen.constant(constants.get(f.name())) : fieldValues(f);
            all = Gen.zip(all, one, PacketLayouts::append);
        }
        boolean checksummed = layout.fields().stream().anyMatch(f -> f instanceof io.bufkit.layout.ChecksumField);
        return all.map(list -> {
            LayoutValues v = LayoutValues.ofFieldOrder(layout, list);
            // a checksum field holds what encoding computes, so that decoding gives the same values back
            return checksummed ? LayoutValues.read(layout, io.bufkit.ByteView.wrap(v.toByteArray())) : v;
        });
    }

    /**
     * Values an integer field refuses: just outside its range (one below the minimum, one above the
     * maximum) and far outside it, in the field's value type ({@link Integer} for {@link IntField}s,
     * {@link Long} for {@link LongField}s) — for testing that writes reject them, naming the field.
     *
     * @param field an {@link IntField} or {@link LongField} whose range is narrower than its value type
     * @return the generator
     * @throws IllegalArgumentException if the field is of another kind, or holds every value of its type
     */
    public static Gen<Object> valuesThatDoNotFit(LayoutField field) {
        Objects.requireNonNull(field, "field");
        long min;
        long max;
        long lowest;
        long highest;
        if (field instanceof IntField i) {
            min = i.min();
            max = i.max();
            lowest = Integer.MIN_VALUE;
            highest = Integer.MAX_VALUE;
        } else if (field instanceof LongField l) {
            min = l.min();
            max = l.max();
            lowest = Long.MIN_VALUE;
            highest = Long.MAX_VALUE;
        } else {
            throw new IllegalArgumentException(field + " is not an integer field");
        }
        List<Gen<Long>> sides = new ArrayList<>();   // just outside and far outside, each side the type has
        if (min > lowest) {
            sides.add(Gen.longs(lowest, min - 1).map(v -> Math.max(lowest, Math.min(v, min - 1))));
            sides.add(Gen.constant(min - 1));
        }
        if (max < highest) {
            sides.add(Gen.longs(max + 1, highest));
            sides.add(Gen.constant(max + 1));
        }
        if (sides.isEmpty()) {
            throw new IllegalArgumentException(field + " holds every value of its type");
        }
        boolean isInt = field instanceof IntField;
        return Gen.ints(0, sides.size() - 1).flatMap(sides::get).map(v -> isInt ? (Object) (int) (long) v : (Object) v);
    }

    /**
     * Packets of a layout with a checksum field whose checksum no longer holds: a valid packet from
     * {@link #packets(PacketLayout)} with one byte changed anywhere, the checksum's own bytes included.
     * {@link PacketLayout#validate(io.bufkit.ByteView)} must reject each, naming the checksum field.
     *
     * @param layout a layout with a checksum field that needs no pseudo-header
     * @return the generator; each array is a new, <em>owned</em> array of {@code layout.size()} bytes
     * @throws IllegalArgumentException if the layout has no such checksum field
     */
    public static Gen<byte[]> corruptedChecksums(PacketLayout layout) {
        boolean any = layout.fields().stream()
                .anyMatch(f -> f instanceof io.bufkit.layout.ChecksumField c && !c.needsPseudoHeader());
        if (!any) {
            throw new IllegalArgumentException("layout '" + layout.name() + "' has no checksum field that validate checks");
        }
        return Gen.zip(packets(layout), Gen.zip(Gen.ints(0, layout.size() - 1), Gen.ints(1, 255), (at, x) -> new int[] {at, x}),
                (packet, change) -> {
                    byte[] out = packet.clone();
                    out[change[0]] ^= (byte) change[1];
                    return out;
                });
    }

    private static List<Object> append(List<Object> list, Object value) {
        List<Object> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(value);
        return out;
    }

    /**
     * Valid packets of a layout: {@link #values(PacketLayout)} encoded, with zeroed padding.
     *
     * @param layout the layout
     * @return the generator; each array is a new, <em>owned</em> array of {@code layout.size()} bytes
     */
    public static Gen<byte[]> packets(PacketLayout layout) {
        return values(layout).map(LayoutValues::toByteArray);
    }

    /**
     * Whatever a peer might send in place of a packet: valid packets; valid packets with a few bytes changed
     * (which may break a constant); valid packets cut short or with bytes appended; and random bytes of any
     * length up to twice the packet size. A decoder should decode each or reject it with its documented
     * exception, never fail otherwise.
     *
     * @param layout the layout
     * @return the generator; each array is a new, <em>owned</em> array
     */
    public static Gen<byte[]> arbitraryPackets(PacketLayout layout) {
        Objects.requireNonNull(layout, "layout");
        int size = layout.size();
        Gen<byte[]> valid = packets(layout);
        Gen<byte[]> changed = Gen.zip(valid, Gen.listOf(Gen.zip(Gen.ints(0, size - 1), Gen.ints(0, 255), Change::new), 1, 3),
                PacketLayouts::change);
        Gen<byte[]> resized = Gen.zip(valid, Gen.zip(Gen.lengths(0, 2 * size + 8), Gen.bytes(0, 2 * size + 8),
                Resize::new), PacketLayouts::resize);
        Gen<byte[]> random = Gen.bytes(0, 2 * size + 8);
        return Gen.oneOf(valid, changed, resized, random);
    }

    private record Change(int at, int value) {
    }

    private record Resize(int length, byte[] filler) {
    }

    private static byte[] change(byte[] packet, List<Change> changes) {
        byte[] out = packet.clone();
        for (Change c : changes) {
            out[c.at] = (byte) c.value;
        }
        return out;
    }

    private static byte[] resize(byte[] packet, Resize r) {
        byte[] out = java.util.Arrays.copyOf(packet, r.length);
        for (int i = packet.length; i < out.length; i++) {
            out[i] = r.filler.length == 0 ? 0 : r.filler[(i - packet.length) % r.filler.length];
        }
        return out;
    }

    /**
     * Random layouts of up to 12 fields; see {@link #layouts(int)}.
     *
     * @return the generator
     */
    public static Gen<PacketLayout> layouts() {
        return layouts(12);
    }

    /**
     * Random layouts, for testing code that works on any layout: 1 to {@code maxFields} fields of every wire
     * type ({@code u8} to {@code f64le}, byte fields of 1 to 16 bytes, flags of every width with some named
     * bits), with padding between some fields, some fields declared as constants, sometimes declared in a
     * shuffled order at explicit offsets, and sometimes with a declared size. Field names say their index
     * and type, for example {@code "f3_u16le"}. Shrinks towards fewer and simpler fields.
     *
     * @param maxFields the most fields a layout has, at least 1
     * @return the generator
     * @throws IllegalArgumentException if {@code maxFields} is less than 1
     */
    public static Gen<PacketLayout> layouts(int maxFields) {
        if (maxFields < 1) {
            throw new IllegalArgumentException("maxFields " + maxFields + " must be at least 1");
        }
        Gen<LayoutSpec.Options> options = Gen.zip(Gen.zip(Gen.booleans(), Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE),
                LayoutSpec.Order::new), Gen.zip(Gen.booleans(), sometimes(3), LayoutSpec.End::new), LayoutSpec.Options::new);
        Gen<List<LayoutSpec.Field>> fields = Gen.listOf(fieldSpecs(maxFields), 1, maxFields).map(f -> upTo(maxFields, f));
        return Gen.zip(fields, options, LayoutSpec::new).map(LayoutSpec::build);
    }

    /** The leading declarations that make at most {@code maxFields} fields (a run of bit fields makes several). */
    private static List<LayoutSpec.Field> upTo(int maxFields, List<LayoutSpec.Field> specs) {
        List<LayoutSpec.Field> kept = new ArrayList<>();
        int n = 0;
        for (LayoutSpec.Field f : specs) {
            int count = f.bitWidths() == null ? 1 : f.bitWidths().size();
            if (!kept.isEmpty() && n + count > maxFields) {
                break;
            }
            kept.add(f);
            n += count;
        }
        return kept;
    }

    private static Gen<LayoutSpec.Field> fieldSpecs(int maxFields) {
        Gen<Integer> paddingBefore = sometimes(3);
        WireType[] types = java.util.Arrays.stream(WireType.values()).filter(t -> !t.isChecksum() && t != WireType.TEXT).toArray(WireType[]::new);
        return Gen.elements(types).flatMap(type -> {
            if (type.isBitField()) {
                return bitRuns(type, paddingBefore, maxFields);
            }
            Gen<Integer> width = type == WireType.BYTES ? Gen.lengths(1, 16) : Gen.constant(type.width());
            Gen<Integer> bitNames = type.handleType() == FlagsField.class ? Gen.ints(0, 8 * type.width()) : Gen.constant(0);
            return Gen.zip(Gen.zip(width, bitNames, LayoutSpec.Shape::new), paddingBefore, (shape, pad) -> shape.withPadding(pad))
                    .flatMap(shape -> Gen.zip(Gen.ints(0, 3), constants(type, shape.width()),
                            (k, c) -> new LayoutSpec.Field(type, shape.width(), shape.bitNames(), shape.paddingBefore(),
                                    k == 3 ? c : null, null)));
        });
    }

    /**
     * A run of bit fields of {@code type} filling 1 to 8 bytes, split into fields by a seed: widths biased
     * to the edges (1 bit, the whole rest of the run, the widest the type allows) and anything between.
     */
    private static Gen<LayoutSpec.Field> bitRuns(WireType type, Gen<Integer> paddingBefore, int maxFields) {
        int maxBytes = maxFields == 1 ? type.maxBits() / 8 : 8;
        return Gen.zip(Gen.ints(1, maxBytes), Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), BitRunShape::new)
                .flatMap(shape -> {
                    List<Integer> widths = bitWidths(type, 8 * shape.bytes(), shape.seed(), maxFields);
                    int first = widths.get(0);
                    Gen<Object> constant = Gen.longs(type.min(first), type.max(first)).map(v -> v);
                    return Gen.zip(paddingBefore, Gen.zip(Gen.ints(0, 3), constant, (k, c) -> k == 3 ? c : null),
                            (pad, c) -> new LayoutSpec.Field(type, shape.bytes(), 0, pad, c, widths));
                });
    }

    private record BitRunShape(int bytes, long seed) {
    }

    /** Splits {@code total} bits into at most {@code maxCount} field widths a bit field of {@code type} may have. */
    static List<Integer> bitWidths(WireType type, int total, long seed, int maxCount) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Integer> widths = new ArrayList<>();
        int at = 0;
        while (at < total) {
            int most = Math.min(Math.min(total - at, type.maxBits()), 64 - at % 8);
            int w = widths.size() == maxCount - 1 ? total - at : switch (r.nextInt(4)) {
                case 0 -> 1;
                case 1 -> most;
                default -> 1 + r.nextInt(most);
            };
            widths.add(w);
            at += w;
        }
        return List.copyOf(widths);
    }

    /** 0 in about 60% of cases, else 1 to {@code max}; shrinks to 0. */
    private static Gen<Integer> sometimes(int max) {
        return Gen.ints(-2 * max, max).map(x -> Math.max(0, x));
    }

    /** Constant values a field of this type accepts in {@code expect(...)}. */
    private static Gen<Object> constants(WireType type, int width) {
        return switch (type) {
            case F32BE, F32LE -> Gen.floats().map(f -> (Object) (double) f);
            case F64BE, F64LE -> Gen.doubles().map(d -> d);
            case BYTES -> Gen.bytes(width, width).map(Bytes::of);
            case BITS, SBITS, BITS_LSB, SBITS_LSB -> throw new AssertionError("bit runs take their constants in bitRuns");
            case INTERNET_CHECKSUM, CRC32BE, CRC32LE, CRC32CBE, CRC32CLE, TEXT -> throw new AssertionError("not in random layouts");
            default -> Gen.longs(type.min(), type.max()).map(v -> v);
        };
    }

    /** A random permutation of {@code 0..n-1} from a seed. */
    static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}

package io.bufkit.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GenTest {

    private static <T> List<T> sample(Gen<T> gen, int count) {
        SplittableRandom r = new SplittableRandom(1234);
        return IntStream.range(0, count).mapToObj(i -> gen.generate(r)).collect(Collectors.toList());
    }

    @Test
    void byteArrayLengthsStayInRange() {
        Property.forAll(Gen.ints(0, 5000).flatMap(min -> Gen.ints(min, min + 3000)
                        .flatMap(max -> Gen.bytes(min, max).map(a -> new int[] {min, max, a.length}))))
                .check(t -> assertTrue(t[2] >= t[0] && t[2] <= t[1], t[0] + " <= " + t[2] + " <= " + t[1]));
    }

    @Test
    void byteArrayLengthsHitTheEdgeLengths() {
        Set<Integer> lengths = sample(Gen.bytes(0, 5000), 4000).stream().map(a -> a.length).collect(Collectors.toSet());
        for (int edge : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 255, 256, 257, 1023, 1024, 1025, 4095, 4096,
                4097, 5000}) {
            assertTrue(lengths.contains(edge), "length " + edge + " never generated");
        }
    }

    @Test
    void byteContentsIncludeAllZeroAndAllOnesArrays() {
        List<byte[]> arrays = sample(Gen.bytes(8, 8), 2000);
        assertTrue(arrays.stream().anyMatch(a -> IntStream.range(0, 8).allMatch(i -> a[i] == 0)));
        assertTrue(arrays.stream().anyMatch(a -> IntStream.range(0, 8).allMatch(i -> a[i] == -1)));
    }

    @Test
    void integersStayInRangeAndHitTheEnds() {
        Property.forAll(Gen.ints(-5, 1000)).check(v -> assertTrue(v >= -5 && v <= 1000, "" + v));
        Set<Integer> values = new HashSet<>(sample(Gen.ints(-5, 1000), 500));
        assertTrue(values.containsAll(List.of(-5, -4, -1, 0, 1, 999, 1000)), values.toString());
    }

    @Test
    void longsCoverTheWholeRangeWithoutOverflow() {
        Set<Long> values = new HashSet<>(sample(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), 500));
        assertTrue(values.containsAll(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, 1L, -1L)), values.toString());
    }

    @Test
    void negativeOnlyRangeShrinksTowardsTheValueClosestToZero() {
        PropertyFailure f = assertThrows(PropertyFailure.class,
                () -> Property.forAll(Gen.longs(-1000, -10)).check(v -> assertTrue(v > -500)));
        assertEquals("-500", f.counterexample());
    }

    @Test
    void emptyRangesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Gen.ints(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Gen.bytes(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> Gen.listOf(Gen.ints(0, 1), 3, 2));
        assertThrows(IllegalArgumentException.class, () -> Gen.lengths(5, 4));
        assertThrows(IllegalArgumentException.class, () -> Gen.elements(List.of()));
    }

    @Test
    void doublesIncludeTheSpecialValues() {
        List<Double> values = sample(Gen.doubles(), 2000);
        assertTrue(values.stream().anyMatch(d -> Double.isNaN(d)));
        assertTrue(values.contains(Double.POSITIVE_INFINITY) && values.contains(Double.NEGATIVE_INFINITY));
        assertTrue(values.stream().anyMatch(d -> Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0)));
        assertTrue(values.contains(Double.MIN_VALUE) && values.contains(Double.MAX_VALUE));
    }

    @Test
    void floatsIncludeTheSpecialValues() {
        List<Float> values = sample(Gen.floats(), 2000);
        assertTrue(values.stream().anyMatch(f -> Float.isNaN(f)));
        assertTrue(values.contains(Float.POSITIVE_INFINITY) && values.contains(Float.NEGATIVE_INFINITY));
        assertTrue(values.stream().anyMatch(f -> Float.floatToRawIntBits(f) == Float.floatToRawIntBits(-0.0f)));
    }

    @Test
    void doublesShrinkToWholeNumbers() {
        PropertyFailure f = assertThrows(PropertyFailure.class,
                () -> Property.forAll(Gen.doubles()).check(d -> assertTrue(!(d > 10.5 && d < 1e9))));
        assertEquals("11.0", f.counterexample(), f.getMessage());
    }

    @Test
    void elementsShrinkTowardsTheFirst() {
        PropertyFailure f = assertThrows(PropertyFailure.class,
                () -> Property.forAll(Gen.elements("a", "b", "c", "d")).check(s -> assertTrue(s.isEmpty())));
        assertEquals("a", f.counterexample());
    }

    @Test
    void oneOfDrawsFromEveryGenerator() {
        Set<Integer> values = new HashSet<>(sample(Gen.oneOf(Gen.constant(1), Gen.constant(2), Gen.constant(3)), 200));
        assertEquals(Set.of(1, 2, 3), values);
    }

    @Test
    void frequencyFollowsTheWeights() {
        List<Integer> values = sample(Gen.frequency(9, Gen.constant(1), 1, Gen.constant(2)), 2000);
        long ones = values.stream().filter(v -> v == 1).count();
        assertTrue(ones > 1600 && ones < 1990, "ones: " + ones);
        assertThrows(IllegalArgumentException.class, () -> Gen.frequency(0, Gen.constant(1), 0, Gen.constant(2)));
    }

    @Test
    void booleansShrinkToFalse() {
        PropertyFailure f = assertThrows(PropertyFailure.class,
                () -> Property.forAll(Gen.zip(Gen.booleans(), Gen.ints(0, 100), (b, i) -> b + "/" + i))
                        .check(s -> assertTrue(s.endsWith("/0") && s.startsWith("true"))));
        assertEquals("false/0", f.counterexample(), f.getMessage());
    }

    @Test
    void listSizesStayInRange() {
        Property.forAll(Gen.listOf(Gen.ints(0, 9), 3, 17)).check(l -> assertTrue(l.size() >= 3 && l.size() <= 17));
    }

    @Test
    void listShrinkingKeepsTheMinimumSize() {
        PropertyFailure f = assertThrows(PropertyFailure.class,
                () -> Property.forAll(Gen.listOf(Gen.ints(0, 9), 2, 20)).check(l -> assertTrue(l.isEmpty())));
        assertEquals("[0, 0]", f.counterexample());
    }

    @Test
    void filterThatRejectsEverythingFailsWithAClearMessage() {
        Gen<Integer> never = Gen.ints(0, 10).filter(v -> v > 10);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> never.generate(new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("filter rejected 1000"), e.getMessage());
    }

    @Test
    void lambdaGeneratorWithAShrinkerShrinks() {
        Gen<Integer> dice = r -> r.nextInt(1, 7);
        PropertyFailure f = assertThrows(PropertyFailure.class, () -> Property.forAll(dice.withShrinker(v -> v > 1
                ? java.util.stream.Stream.of(v - 1) : java.util.stream.Stream.empty())).check(v -> assertTrue(v < 3)));
        assertEquals("3", f.counterexample());
    }

    @Test
    void noShrinkReportsTheValueAsFound() {
        PropertyFailure f = assertThrows(PropertyFailure.class,
                () -> Property.forAll(Gen.ints(100, 1000).noShrink()).check(v -> assertTrue(v < 100)));
        assertEquals(0, f.shrinkSteps());
    }

    @Test
    void flatMapRegeneratesTheInnerValueFromTheSameDraws() {
        Gen<byte[]> g = Gen.ints(0, 20).flatMap(n -> Gen.bytes(n, n));
        byte[] first = g.generate(new SplittableRandom(5));
        byte[] second = g.generate(new SplittableRandom(5));
        assertArrayEquals(first, second);
    }

    @Test
    void shrinksOfShrinkablesAreComputedAnewEachTime() {
        Shrinkable<byte[]> s = Gen.bytes(4, 4).sample(new SplittableRandom(3));
        assertEquals(s.shrinks().count(), s.shrinks().count());
    }
}

package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The accessors on the read path of {@link ByteView} stay small enough for HotSpot to inline wherever they
 * are called, even from code compiled before the call site was profiled: at most {@value #MAX_INLINE_SIZE}
 * bytes of bytecode, the default of {@code -XX:MaxInlineSize}. A larger check is not inlined into such
 * code, the view then escapes into the call, and a view that is read and dropped (a value a decoder lends
 * to a handler) is allocated instead of removed.
 */
class InlineBudgetTest {

    /** HotSpot's default {@code MaxInlineSize}: the largest method inlined at a call site without a profile. */
    static final int MAX_INLINE_SIZE = 35;

    /** The fixed-width reads ({@code u8}, {@code i16be}, … {@code f64le}), the checks and the raw reads. */
    private static final Pattern HOT = Pattern.compile(
            "([uif](8|16|32|64)(be|le)?\\(I\\).*|index\\(.*|checkLease\\(.*|checkedOffset\\(.*|raw[IF]\\d+(be|le)?\\(I\\).*)");

    @Test
    void everyHotAccessorOfByteViewFitsTheInlineBudget() throws IOException {
        Map<String, Integer> hot = new TreeMap<>();
        ClassFileCodeSizes.of(ByteView.class).forEach((method, size) -> {
            if (HOT.matcher(method).matches()) {
                hot.put(method, size);
            }
        });
        Map<String, Integer> over = new TreeMap<>(hot);
        over.values().removeIf(size -> size <= MAX_INLINE_SIZE);

        // 16 reads (u8, i8, u16/i16/u32/i32 in both orders, i64, f32, f64 in both orders), index, checkLease,
        // checkedOffset and 7 raw reads
        assertEquals(26, hot.size(), "the hot accessors found: " + hot);
        assertTrue(over.isEmpty(), "bytes of bytecode above the budget of " + MAX_INLINE_SIZE + ": " + over);
    }

    @Test
    void theClassFileReaderMeasuresATrivialGetter() throws IOException {
        // aload_0; getfield #index; ireturn
        assertEquals(5, ClassFileCodeSizes.of(ByteView.class).get("length()I"));
    }
}

package io.bufkit.benchmarks.message;

/** Where a parser hands the fields it reads (a blackhole in the benchmarks, a list in the cross-check). */
interface FieldSink {
    /** Takes an integer field. */
    void consume(int value);

    /** Takes a long field. */
    void consume(long value);

    /** Takes a text field. */
    void consume(Object value);
}

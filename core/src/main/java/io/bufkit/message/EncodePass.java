package io.bufkit.message;

import java.util.HashMap;
import java.util.Map;

/**
 * One size pass of one encode call, then its write pass: the {@link EncodingContext} its field kinds see,
 * and the widths guessed for the varints that later parts derive. Such a varint is sized after the parts
 * that derive it, so the parts after it are placed with a guessed width; when a kind asked for an offset
 * and a guess proves wrong, {@link MessageLayout} runs the size pass again with the widths found.
 */
final class EncodePass {
    /** Size passes before giving up on widths that do not settle; a varint has at most 5 widths. */
    static final int MOST_SIZE_PASSES = 8;

    private EncodingContext context = new EncodingContext();
    private final Map<String, Integer> widths;
    private String unsettled;

    private EncodePass(Map<String, Integer> widths) {
        this.widths = widths;
    }

    /** The first size pass of an encode call. */
    static EncodePass first() {
        return new EncodePass(new HashMap<>());
    }

    /** The next size pass, with the widths this one found. */
    EncodePass next() {
        return new EncodePass(widths);
    }

    /** What the field kinds see: the size pass's context, or the write pass's once {@link #startWriting()}. */
    EncodingContext context() {
        return context;
    }

    /** Ends the size pass: the fields are written next, with a context without state. */
    void startWriting() {
        context = new EncodingContext();
    }

    /** The width to place the parts after the derived varint at {@code path} with: the last one found, else 1. */
    int guessedWidth(String path) {
        Integer width = widths.get(path);
        return width == null ? 1 : width;
    }

    /** Records the width the derived varint at {@code path} takes, once the parts after it are sized. */
    void foundWidth(String path, int width) {
        Integer guessed = widths.put(path, width);
        if ((guessed == null ? 1 : guessed) != width && unsettled == null) {
            unsettled = path;
        }
    }

    /**
     * The path of a derived varint whose width differs from the one the later parts were placed with, when
     * a field kind depended on where its field is; null when the pass's sizes are final.
     */
    String unsettled() {
        return context.offsetAsked() ? unsettled : null;
    }
}

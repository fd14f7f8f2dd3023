/**
 * Codecs derived from records: composes, once, a record's canonical constructor and accessors with the
 * read and write handles of a format's fields into one decoding and one encoding {@code MethodHandle}.
 * Not exported, not API.
 *
 * <p>Ownership: a derived decoder takes a <em>borrowed</em> view and must return a record that keeps no
 * reference to it, so every field reader handed to {@link io.bufkit.internal.codec.RecordMapping} returns
 * a value or an <em>owned</em> copy (such as {@code Bytes}, {@code byte[]} or {@code String}), never a view.
 */
package io.bufkit.internal.codec;

package io.bufkit.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Values picked out of reference text (a tool's decoding of a capture) by a regular expression. */
public final class RegexGroups {

    private RegexGroups() {
    }

    /**
     * The first group of every match of {@code regex} in {@code text}, in order.
     *
     * @param text the text to search
     * @param regex a regular expression with at least one group
     * @return the first group of each match; empty if nothing matches
     */
    public static List<String> all(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * The first group of the first match of {@code regex} in {@code text}.
     *
     * @param text the text to search
     * @param regex a regular expression with at least one group
     * @return the first group of the first match
     * @throws IndexOutOfBoundsException if nothing matches
     */
    public static String first(String text, String regex) {
        return all(text, regex).get(0);
    }
}

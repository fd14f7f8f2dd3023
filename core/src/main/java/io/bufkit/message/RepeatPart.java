package io.bufkit.message;

/** A counted repeat of a sub-layout; the count comes from an earlier field. */
final class RepeatPart extends Part {
    /** The terminator value meaning "until the end of the enclosing message". */
    static final int TO_END = -2;

    final FieldRef count;
    final int terminator;
    final MessageLayout element;

    RepeatPart(String name, FieldRef count, int terminator, MessageLayout element) {
        super(name);
        this.count = count;
        this.terminator = terminator;
        this.element = element;
    }

    @Override
    int minSize() {
        return 0;
    }

    @Override
    int decode(Message m, int index, int at, int limit, String path) {
        if (count == null) {
            return decodeUntilTerminator(m, index, at, limit, path);
        }
        int n = count.read(m);
        int each = Math.max(element.minSize(), 1);
        if (n < 0 || (long) n * each > limit - at) {
            throw m.fail(path, at, "count " + n + " (" + count.path + ") needs at least " + ((long) n * each)
                    + " bytes but " + (limit - at) + " remain", "at most " + ((limit - at) / each) + " elements",
                    n + " elements");
        }
        Message[] elements = new Message[n];
        int pos = at;
        for (int i = 0; i < n; i++) {
            Message e = new Message(element, m.view(), m.root());
            pos = e.decodeFrom(pos, limit, path + "[" + i + "]");
            elements[i] = e;
        }
        m.record(index, at, pos, elements);
        return pos;
    }

    /**
     * Elements follow each other until a terminator byte where the next element would start, or, with
     * {@link #TO_END}, until the end of the enclosing message.
     */
    private int decodeUntilTerminator(Message m, int index, int at, int limit, String path) {
        java.util.ArrayList<Message> list = new java.util.ArrayList<>();
        int pos = at;
        while (true) {
            if (pos >= limit && terminator == TO_END) {
                m.record(index, at, pos, list.toArray(new Message[0]));
                return pos;
            }
            if (pos >= limit) {
                throw m.fail(path, pos, "terminator byte " + terminator + " never comes",
                        "a " + terminator + " byte before offset " + limit, "none");
            }
            if (m.view().u8(pos) == terminator) {
                break;
            }
            Message e = new Message(element, m.view(), m.root());
            int next = e.decodeFrom(pos, limit, path + "[" + list.size() + "]");
            if (next == pos) {
                throw m.fail(path + "[" + list.size() + "]", pos, "element takes no bytes", "at least 1 byte",
                        "0 bytes");
            }
            list.add(e);
            pos = next;
        }
        m.record(index, at, pos + 1, list.toArray(new Message[0]));
        return pos + 1;
    }

    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        Message[] elements = (Message[]) m.child(index);
        out.append(indent).append(name).append(" (").append(elements.length).append(" × ")
                .append(element.name()).append("):\n");
        for (int i = 0; i < elements.length; i++) {
            out.append(indent).append("  [").append(i).append("]\n");
            elements[i].describeInto(out, indent + "    ");
        }
    }

    @Override
    String declaration() {
        return name + ": " + (count != null ? count.path : terminator == TO_END ? "to end" : "until " + terminator) + " × " + element.name();
    }
}

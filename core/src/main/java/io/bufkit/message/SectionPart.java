package io.bufkit.message;

import io.bufkit.layout.PacketLayout;

/** A fixed section: a {@link PacketLayout} at a computed offset, read through its constant-offset handles. */
final class SectionPart extends Part {
    final PacketLayout layout;

    SectionPart(String name, PacketLayout layout) {
        super(name);
        this.layout = layout;
    }

    @Override
    int minSize() {
        return layout.size();
    }

    @Override
    int decode(Message m, int index, int at, int limit, String path) {
        int end = at + layout.size();
        if (end > limit) {
            throw m.fail(path, at, "section needs " + layout.size() + " bytes but " + (limit - at) + " remain",
                    layout.size() + " bytes", (limit - at) + " bytes");
        }
        m.record(index, at, end, null);
        return end;
    }

    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        String text = layout.describe(m.sectionView(index));
        out.append(indent).append(name).append(" @").append(m.start(index)).append(":\n");
        for (String line : text.split("\n")) {
            out.append(indent).append("  ").append(line).append('\n');
        }
    }

    @Override
    String declaration() {
        return name + ": " + layout.name() + " (" + layout.size() + " bytes)";
    }
}

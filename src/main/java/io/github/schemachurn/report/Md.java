package io.github.schemachurn.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Markdown through one small builder: headings whose level comes from nesting (never hand-numbered),
 * paragraphs, bullets, images and tables that check their shape.
 */
public final class Md {
    private final StringBuilder out = new StringBuilder();
    private final int level;

    public Md(int level) {
        this.level = level;
    }

    /** A table: a header and rows of the same width; cells are escaped for markdown. */
    public record Table(List<String> header, List<List<String>> rows) {
        public Table {
            header = List.copyOf(header);
            List<List<String>> copy = new ArrayList<>();
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("a row of " + row.size() + " cells under " + header.size() + " columns");
                }
                copy.add(List.copyOf(row));
            }
            rows = List.copyOf(copy);
        }

        public Table(String... header) {
            this(List.of(header), List.of());
        }

        public Table with(String... cells) {
            List<List<String>> more = new ArrayList<>(rows);
            more.add(List.of(cells));
            return new Table(header, more);
        }

        Table with(List<String> cells) {
            return with(cells.toArray(String[]::new));
        }
    }

    public Md heading(String title) {
        out.append("#".repeat(level)).append(' ').append(title).append("\n\n");
        return this;
    }

    /** A subsection one level down, written by {@code body}. */
    public Md section(String title, java.util.function.Consumer<Md> body) {
        Md sub = new Md(level + 1);
        sub.heading(title);
        body.accept(sub);
        out.append(sub);
        return this;
    }

    /** The link target GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
    public static String anchor(String title) {
        return "#" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    public Md para(String text) {
        out.append(text).append("\n\n");
        return this;
    }

    public Md bullets(List<String> items) {
        if (!items.isEmpty()) {
            items.forEach(i -> out.append("- ").append(i).append('\n'));
            out.append('\n');
        }
        return this;
    }

    public Md image(String alt, String link) {
        return para("![" + alt + "](" + link + ")");
    }

    public Md table(Table table) {
        out.append(row(table.header()));
        out.append("|").append("---|".repeat(table.header().size())).append('\n');
        table.rows().forEach(r -> out.append(row(r)));
        out.append('\n');
        return this;
    }

    private static String row(List<String> cells) {
        return "| " + cells.stream().map(c -> c.replace("|", "\\|").replace("\n", " ")).collect(Collectors.joining(" | ")) + " |\n";
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

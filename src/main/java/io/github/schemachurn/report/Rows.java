package io.github.schemachurn.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Grouping and naming of a question's rows: by journal mode, labelled by the parameters that vary. */
final class Rows {
    static final String JOURNAL = "journal";
    /** The journal modes in the order the report shows them; any other follows alphabetically. */
    private static final List<String> JOURNAL_ORDER = List.of("WAL", "DELETE");

    private Rows() {}

    static List<BenchmarkRow> of(List<BenchmarkRow> rows, Question question) {
        List<BenchmarkRow> selected = new ArrayList<>(rows.stream().filter(r -> r.question() == question).toList());
        selected.sort(Comparator.comparing((BenchmarkRow r) -> journalRank(r.param(JOURNAL)))
                .thenComparing(r -> r.param(JOURNAL)));
        return selected;
    }

    static int journalRank(String journal) {
        int rank = JOURNAL_ORDER.indexOf(journal);
        return rank < 0 ? JOURNAL_ORDER.size() : rank;
    }

    /** The journal modes of these rows, in report order. */
    static List<String> journals(List<BenchmarkRow> rows) {
        return rows.stream().map(r -> r.param(JOURNAL)).distinct()
                .sorted(Comparator.comparing(Rows::journalRank).thenComparing(j -> j)).toList();
    }

    static List<BenchmarkRow> inJournal(List<BenchmarkRow> rows, String journal) {
        return rows.stream().filter(r -> r.param(JOURNAL).equals(journal)).toList();
    }

    /** Parameters other than the journal whose values differ between the rows, by name. */
    static List<String> varying(List<BenchmarkRow> rows) {
        Set<String> names = new TreeSet<>();
        rows.forEach(r -> names.addAll(r.params().keySet()));
        names.remove(JOURNAL);
        return names.stream()
                .filter(name -> rows.stream().map(r -> r.param(name)).distinct().count() > 1)
                .toList();
    }

    /** Parameters that are the same in every row, as "name=value", by name. */
    static List<String> fixed(List<BenchmarkRow> rows) {
        Set<String> names = new TreeSet<>();
        rows.forEach(r -> names.addAll(r.params().keySet()));
        List<String> varying = varying(rows);
        return names.stream()
                .filter(name -> !varying.contains(name) && !name.equals(JOURNAL))
                .map(name -> name + "=" + rows.get(0).param(name))
                .toList();
    }

    /** The row's label within its question: the method where methods differ, then the varying parameters. */
    static String label(BenchmarkRow row, List<BenchmarkRow> all) {
        List<String> parts = new ArrayList<>();
        if (all.stream().map(BenchmarkRow::method).distinct().count() > 1) {
            parts.add(row.method());
        }
        for (String name : varying(all)) {
            parts.add(row.param(name));
        }
        return parts.isEmpty() ? row.method() : String.join(" / ", parts);
    }

    /** The labels in first-seen order (which is the results files' order within a journal). */
    static List<String> labels(List<BenchmarkRow> rows) {
        Set<String> labels = new LinkedHashSet<>();
        rows.forEach(r -> labels.add(label(r, rows)));
        return List.copyOf(labels);
    }

    static String header(List<BenchmarkRow> rows) {
        List<String> parts = new ArrayList<>();
        if (rows.stream().map(BenchmarkRow::method).distinct().count() > 1) {
            parts.add("method");
        }
        parts.addAll(varying(rows));
        return parts.isEmpty() ? "benchmark" : String.join(" / ", parts);
    }

    static String values(List<BenchmarkRow> rows, String param) {
        return rows.stream().map(r -> r.param(param)).distinct().collect(Collectors.joining(", "));
    }
}

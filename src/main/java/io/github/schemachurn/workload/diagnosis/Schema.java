package io.github.schemachurn.workload.diagnosis;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A database's schema as {@code sqlite_schema} lists it: each object's type and name with its SQL
 * text (whitespace normalised: {@code ALTER TABLE} edits the stored text). Two snapshots are
 * compared to check that a rollback restores what its migration changed.
 */
public record Schema(SortedMap<String, String> objects) {
    public Schema {
        objects = new TreeMap<>(objects);
    }

    public static Schema of(Connection connection) throws SQLException {
        SortedMap<String, String> objects = new TreeMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, name, sql FROM sqlite_schema")) {
            while (rs.next()) {
                objects.put(rs.getString(1) + " " + rs.getString(2), normalise(rs.getString(3)));
            }
        }
        return new Schema(objects);
    }

    /** The first difference from {@code before} to this schema, in words; empty if they are the same. */
    public Optional<String> differenceFrom(Schema before) {
        for (Map.Entry<String, String> object : before.objects.entrySet()) {
            String now = objects.get(object.getKey());
            if (now == null) {
                return Optional.of(object.getKey() + " is missing");
            }
            if (!now.equals(object.getValue())) {
                return Optional.of(object.getKey() + " differs: " + change(object.getValue(), now));
            }
        }
        return objects.keySet().stream().filter(k -> !before.objects.containsKey(k)).findFirst()
                .map(k -> k + " is left over");
    }

    /** Where two SQL texts differ: the differing middle of each, after their common start and end. */
    static String change(String before, String after) {
        int start = 0;
        while (start < before.length() && start < after.length() && before.charAt(start) == after.charAt(start)) {
            start++;
        }
        int end = 0;
        while (end < before.length() - start && end < after.length() - start
                && before.charAt(before.length() - 1 - end) == after.charAt(after.length() - 1 - end)) {
            end++;
        }
        String was = before.substring(start, before.length() - end);
        String now = after.substring(start, after.length() - end);
        return was.isEmpty() ? "`" + now + "` was added"
                : now.isEmpty() ? "`" + was + "` was removed" : "`" + was + "` became `" + now + "`";
    }

    private static String normalise(String sql) {
        return sql == null ? "" : sql.strip().replaceAll("\\s+", " ").replaceAll(" ?([(),]) ?", "$1");
    }
}

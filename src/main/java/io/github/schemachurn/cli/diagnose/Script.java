package io.github.schemachurn.cli.diagnose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A migration file split into its statements, as the sqlite3 shell splits input: at each
 * {@code ;} outside quotes and comments, and for {@code CREATE TRIGGER} only after the body's
 * last {@code END} (a trigger's body holds statements with their own semicolons). The driver
 * runs one statement per call, so a file must be split before it can be run statement by statement.
 */
final class Script {
    private static final List<String> TRANSACTION_CONTROL = List.of("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE");

    private Script() {}

    /** The file's statements, each without its semicolon; one-line errors for a missing, unreadable or empty file. */
    static List<String> read(Path file, String what) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DiagnoseException(what + " " + file + ": no such file");
        } catch (IOException e) {
            throw new DiagnoseException(what + " " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        List<String> statements = statements(text);
        if (statements.isEmpty()) {
            throw new DiagnoseException(what + " " + file + ": no SQL statements in it");
        }
        return statements;
    }

    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int skip = skipQuotedOrComment(sql, i);
            if (skip > i) {
                current.append(sql, i, skip);
                endWord(word, words);
                i = skip;
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '_') {
                word.append(c);
            } else {
                endWord(word, words);
            }
            if (c == ';' && complete(words)) {
                add(statements, current);
                current.setLength(0);
                words.clear();
            } else {
                current.append(c);
            }
            i++;
        }
        add(statements, current);
        return statements;
    }

    /**
     * The statements without an outer BEGIN … COMMIT of their own (diagnose runs the migration in
     * one transaction of its own); a file that controls transactions anywhere else is refused.
     */
    static List<String> withoutOuterTransaction(List<String> statements, String what) {
        List<String> inner = new ArrayList<>(statements);
        if (!inner.isEmpty() && firstWord(inner.get(0)).equals("BEGIN")) {
            inner.remove(0);
            if (!inner.isEmpty() && List.of("COMMIT", "END").contains(firstWord(inner.get(inner.size() - 1)))) {
                inner.remove(inner.size() - 1);
            }
        }
        for (int i = 0; i < inner.size(); i++) {
            if (TRANSACTION_CONTROL.contains(firstWord(inner.get(i)))) {
                throw new DiagnoseException(what + ": statement " + (i + 1) + " controls a transaction (" + firstWord(inner.get(i))
                        + "); diagnose runs the whole file as one transaction: leave out all but an outer BEGIN … COMMIT");
            }
        }
        if (inner.isEmpty()) {
            throw new DiagnoseException(what + ": no SQL statements in it besides BEGIN and COMMIT");
        }
        return inner;
    }

    private static String firstWord(String statement) {
        String trimmed = statement.strip();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        return trimmed.substring(0, end).toUpperCase(Locale.ROOT);
    }

    /** The index after a quoted identifier, string or comment starting at {@code i}, or {@code i} if none starts there. */
    private static int skipQuotedOrComment(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            char close = c == '[' ? ']' : c;
            int end = sql.indexOf(close, i + 1);
            while (end >= 0 && close != ']' && end + 1 < sql.length() && sql.charAt(end + 1) == close) {
                end = sql.indexOf(close, end + 2); // a doubled quote is an escaped one
            }
            return end < 0 ? sql.length() : end + 1;
        }
        if (sql.startsWith("--", i)) {
            int end = sql.indexOf('\n', i);
            return end < 0 ? sql.length() : end + 1;
        }
        if (sql.startsWith("/*", i)) {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        return i;
    }

    private static void endWord(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString().toUpperCase(Locale.ROOT));
            word.setLength(0);
        }
    }

    /** A trigger is complete once its BEGIN and every CASE have met their END. */
    private static boolean complete(List<String> words) {
        int at = words.size() > 1 && words.get(0).equals("CREATE") ? 1 : -1;
        if (at > 0 && (words.get(at).equals("TEMP") || words.get(at).equals("TEMPORARY"))) {
            at++;
        }
        if (at < 0 || at >= words.size() || !words.get(at).equals("TRIGGER")) {
            return true;
        }
        long opened = words.stream().filter(w -> w.equals("BEGIN") || w.equals("CASE")).count();
        long closed = words.stream().filter(w -> w.equals("END")).count();
        return opened > 0 && closed >= opened;
    }

    private static void add(List<String> statements, StringBuilder statement) {
        String text = statement.toString().strip();
        if (!text.isEmpty() && !onlyComments(text)) {
            statements.add(text);
        }
    }

    private static boolean onlyComments(String text) {
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else if (text.startsWith("--", i) || text.startsWith("/*", i)) {
                i = skipQuotedOrComment(text, i);
            } else {
                return false;
            }
        }
        return true;
    }
}

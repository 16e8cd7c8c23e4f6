package io.github.schemachurn.sqlite;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The classes of failure a statement meets under concurrent DDL, decided from SQLite's own
 * (extended) result code. The message is read only where SQLite shares one code between
 * causes: to tell "no such table" from other SQLITE_ERRORs.
 */
public enum ErrorClass {
    /** SQLITE_SCHEMA (17): the automatic re-prepare ran out of retries, or failed itself. */
    SCHEMA,
    /** SQLITE_ERROR (1) "no such table": the table was dropped, or the connection could not refresh its schema. */
    NO_SUCH_TABLE,
    /** SQLITE_BUSY (5) and its extended codes except BUSY_SNAPSHOT: another connection holds a conflicting lock. */
    BUSY,
    /** SQLITE_BUSY_SNAPSHOT (517): a WAL read transaction tried to write after another commit; busy_timeout cannot help. */
    BUSY_SNAPSHOT,
    /** SQLITE_LOCKED (6) and extended codes: a conflict inside one connection (or shared cache). */
    LOCKED,
    /** The driver finalized the statement after an earlier error; reusing it fails without any SQLite code. */
    DEAD_STATEMENT,
    /**
     * No error, but a wrong result: a reused statement returned a column set that does not match
     * the schema it ran under (stale metadata after ALTER TABLE). Decided by the reader that checks
     * it ({@link StaleColumnsException}), never from a result code.
     */
    STALE_COLUMNS,
    /** Anything else; counted, never hidden. */
    OTHER;

    /** The sqlite-jdbc message for a statement it finalized itself (plain SQLException, code 0). */
    static final String DEAD_STATEMENT_MESSAGE = "statement is not executing";

    public static ErrorClass of(SQLException e) {
        if (e instanceof StaleColumnsException) {
            return STALE_COLUMNS;
        }
        if (e instanceof SQLiteException sqlite) {
            return of(sqlite.getResultCode(), e.getMessage());
        }
        String message = e.getMessage();
        if (e.getErrorCode() == 0 && message != null && message.contains(DEAD_STATEMENT_MESSAGE)) {
            return DEAD_STATEMENT;
        }
        return OTHER;
    }

    static ErrorClass of(SQLiteErrorCode code, String message) {
        switch (code) {
            case SQLITE_SCHEMA:
                return SCHEMA;
            case SQLITE_BUSY_SNAPSHOT:
                return BUSY_SNAPSHOT;
            case SQLITE_BUSY:
            case SQLITE_BUSY_RECOVERY:
            case SQLITE_BUSY_TIMEOUT:
                return BUSY;
            case SQLITE_LOCKED:
            case SQLITE_LOCKED_SHAREDCACHE:
            case SQLITE_LOCKED_VTAB:
                return LOCKED;
            case SQLITE_ERROR:
                return message != null && message.contains("no such table") ? NO_SUCH_TABLE : OTHER;
            default:
                return OTHER;
        }
    }

    /**
     * Whether sqlite-jdbc has finalized the statement after this failure, so that it must be
     * prepared again before reuse. After BUSY and LOCKED the statement stays usable.
     */
    public boolean killsStatement() {
        return this != BUSY && this != BUSY_SNAPSHOT && this != LOCKED && this != STALE_COLUMNS;
    }

    /** The class's part of a counter name: {@code NoSuchTable} for NO_SUCH_TABLE ({@link CounterNames}). */
    public String counterSuffix() {
        StringBuilder camel = new StringBuilder();
        for (String word : name().split("_")) {
            camel.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return camel.toString();
    }
}

package io.github.schemachurn.sqlite.capi;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The system SQLite library, loaded once, and the facts a report records about it.
 *
 * <p>sqlite-jdbc bundles its own copy of SQLite, which exports no {@code sqlite3_*} symbols, so
 * the raw C API (the legacy {@code sqlite3_prepare}, {@code sqlite3_stmt_status}) comes from
 * this second copy. Two copies in one process must never have the same database file open at
 * the same time: closing the file in one copy drops the POSIX locks the other holds (sqlite.org,
 * "How To Corrupt An SQLite Database File", 2.2). A run that uses this library uses it for
 * every connection to its file while they are open.
 */
public final class NativeSqlite {
    /** The library's name for {@link Native#load}: {@code libsqlite3.so} or, through ldconfig, {@code libsqlite3.so.0}. */
    static final String LIBRARY = "sqlite3";
    static final String MISSING = "system SQLite library libsqlite3.so.0 not found: install Debian package libsqlite3-0";

    private static final String MAX_SCHEMA_RETRY = "MAX_SCHEMA_RETRY=";
    private static final int DEFAULT_MAX_SCHEMA_RETRY = 50;

    private static volatile Sqlite3 library;

    private NativeSqlite() {}

    /**
     * The loaded library.
     *
     * @throws IllegalStateException with one line saying what to install, if it is missing
     */
    public static Sqlite3 library() {
        Sqlite3 loaded = library;
        if (loaded == null) {
            synchronized (NativeSqlite.class) {
                if (library == null) {
                    library = load(LIBRARY);
                }
                loaded = library;
            }
        }
        return loaded;
    }

    static Sqlite3 load(String name) {
        try {
            return Native.load(name, Sqlite3.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException(MISSING);
        }
    }

    /** {@code sqlite3_libversion()}, e.g. 3.40.1. */
    public static String version() {
        return library().sqlite3_libversion();
    }

    /** Every compile option, in the library's order, e.g. {@code MAX_SCHEMA_RETRY=25}. */
    public static List<String> compileOptions() {
        List<String> options = new ArrayList<>();
        for (int i = 0; ; i++) {
            String option = library().sqlite3_compileoption_get(i);
            if (option == null) {
                return options;
            }
            options.add(option);
        }
    }

    /**
     * The library's SQLITE_MAX_SCHEMA_RETRY: from its compile options if the build set it, else
     * SQLite's default of 50 (sqlite.org/compile.html#max_schema_retry).
     */
    public static int maxSchemaRetry() {
        for (String option : compileOptions()) {
            if (option.startsWith(MAX_SCHEMA_RETRY)) {
                return Integer.parseInt(option.substring(MAX_SCHEMA_RETRY.length()));
            }
        }
        return DEFAULT_MAX_SCHEMA_RETRY;
    }
}

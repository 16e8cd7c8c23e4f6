package io.github.schemachurn.sqlite;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw C API of the system SQLite library (Debian's {@code libsqlite3-0}), through JNA: only
 * the calls this suite needs. sqlite-jdbc bundles its own copy of SQLite but exports none of its
 * {@code sqlite3_*} symbols, and its driver only ever prepares with {@code sqlite3_prepare_v2},
 * so the legacy prepare call can only be measured on another copy. Two copies of SQLite must
 * never have the same file open at once (one copy's close drops the other's POSIX locks), so a
 * run that uses this library uses it for every connection that is open while it runs.
 */
public final class NativeSqlite {
    static final int SQLITE_OK = 0;
    static final int SQLITE_ROW = 100;
    static final int SQLITE_DONE = 101;
    static final int SQLITE_OPEN_READWRITE = 0x2;
    static final int SQLITE_OPEN_CREATE = 0x4;
    static final int SQLITE_STMTSTATUS_REPREPARE = 5;
    static final String LIBRARY = "libsqlite3.so.0";
    /** sqlite3.h's SQLITE_TRANSIENT, ((sqlite3_destructor_type)-1): SQLite makes its own copy of a bound value. */
    static final Pointer SQLITE_TRANSIENT = new Pointer(-1);

    /** The C functions, named as in sqlite3.h. */
    interface Api extends Library {
        int sqlite3_open_v2(String filename, PointerByReference db, int flags, String vfs);

        int sqlite3_close_v2(Pointer db);

        int sqlite3_extended_result_codes(Pointer db, int onoff);

        int sqlite3_busy_timeout(Pointer db, int ms);

        /** Replaces the busy timeout with {@code handler} (SQLite keeps one busy handler per connection). */
        int sqlite3_busy_handler(Pointer db, BusyHandler handler, Pointer argument);

        int sqlite3_prepare(Pointer db, String sql, int bytes, PointerByReference stmt, Pointer tail);

        int sqlite3_prepare_v2(Pointer db, String sql, int bytes, PointerByReference stmt, Pointer tail);

        int sqlite3_bind_int(Pointer stmt, int index, int value);

        int sqlite3_bind_int64(Pointer stmt, int index, long value);

        int sqlite3_bind_double(Pointer stmt, int index, double value);

        /** {@code destructor}: {@link #SQLITE_TRANSIENT}, SQLite copies the text. */
        int sqlite3_bind_text(Pointer stmt, int index, String value, int bytes, Pointer destructor);

        int sqlite3_step(Pointer stmt);

        int sqlite3_reset(Pointer stmt);

        int sqlite3_finalize(Pointer stmt);

        String sqlite3_column_text(Pointer stmt, int column);

        int sqlite3_extended_errcode(Pointer db);

        String sqlite3_errmsg(Pointer db);

        int sqlite3_stmt_status(Pointer stmt, int op, int reset);

        String sqlite3_libversion();

        String sqlite3_compileoption_get(int n);

        /** Calls {@code handler} every {@code instructions} virtual-machine instructions, also while a re-prepare reloads the schema. */
        void sqlite3_progress_handler(Pointer db, int instructions, ProgressHandler handler, Pointer argument);
    }

    /** A progress handler: a non-zero return interrupts the statement. */
    public interface ProgressHandler extends com.sun.jna.Callback {
        int invoke(Pointer argument);
    }

    /** A busy handler: called with the number of times it was called before for the same lock; 0 gives up (SQLITE_BUSY). */
    public interface BusyHandler extends com.sun.jna.Callback {
        int invoke(Pointer argument, int priorCalls);
    }

    private NativeSqlite() {}

    /**
     * The library, loaded once.
     *
     * @throws IllegalStateException with one line if the system library is missing
     */
    static Api api() {
        try {
            return Holder.API;
        } catch (LinkageError e) {
            // The holder's first failure is ExceptionInInitializerError, later ones NoClassDefFoundError.
            throw new IllegalStateException(missing(LIBRARY));
        }
    }

    /**
     * Loads the named library. Strings cross as UTF-8 whatever the JVM's locale: under a C/POSIX
     * locale JNA's default would be US-ASCII, and a non-ASCII file path would open another file.
     */
    static Api load(String library) {
        try {
            return Native.load(library, Api.class, java.util.Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException(missing(library));
        }
    }

    private static String missing(String library) {
        return "system SQLite library " + library
                + " not found: install the Debian package libsqlite3-0 (apt-get install libsqlite3-0)";
    }

    /** Whether the system library can be loaded here. */
    public static boolean available() {
        try {
            api();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** The library's version, e.g. 3.40.1. */
    public static String version() {
        return api().sqlite3_libversion();
    }

    /** Every option the library was compiled with, e.g. MAX_SCHEMA_RETRY=25 (sqlite3_compileoption_get). */
    public static List<String> compileOptions() {
        List<String> options = new ArrayList<>();
        for (int i = 0; ; i++) {
            String option = api().sqlite3_compileoption_get(i);
            if (option == null) {
                return options;
            }
            options.add(option);
        }
    }

    private static final class Holder {
        static final Api API = load(LIBRARY);
    }
}

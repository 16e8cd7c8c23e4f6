package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.DdlStrategy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What the churner changes, one schema change per step: the shapes of DDL that real projects run
 * while serving (see {@code real-world-triggers.md}). Every workload is bounded: it cycles, or
 * keeps a ring of tables, so a long run never grows the schema without end.
 *
 * <p>A workload's state is a number: {@link #initial()} for a freshly seeded database,
 * {@link #next(long)} after each acknowledged step. {@link #ddl(long)} gives the statements of the
 * step taken from a state (one change: several statements share the DDL strategy's one
 * transaction), and {@link #stateOf(Connection)} reads the state a database file is in, so that a
 * restarted churner resumes from the file and an audit checks the file against the acknowledged
 * state. Every step is counted as one DDL operation, reset and drop steps included.
 */
public enum SchemaChange {
    /** CREATE and DROP, alternately, of a table nobody queries: readers only see their statements invalidated. */
    SIDE_TABLE(Applies.ANY, new Toggle(Workload.createTable(SchemaChange.SIDE), "DROP TABLE " + SchemaChange.SIDE,
            c -> Workload.tableExists(c, SchemaChange.SIDE))),
    /** DROP and CREATE, alternately, of the readers' own table: readers also meet "no such table" (it comes back empty). */
    QUERIED_TABLE(Applies.ANY, new Toggle("DROP TABLE " + Workload.QUERIED_TABLE, Workload.createTable(Workload.QUERIED_TABLE),
            c -> !Workload.tableExists(c, Workload.QUERIED_TABLE))),
    /**
     * One {@code ALTER TABLE items ADD COLUMN} per step on the queried table, {@value #ADDED}
     * columns, then one {@code DROP COLUMN} per step in reverse order (SQLite 3.35+): a cycle of
     * {@code 2 * ADDED} single-statement steps, each drop counted as a step. One statement per
     * change, so every DDL strategy applies.
     */
    ADD_COLUMN(Applies.ANY) {
        @Override
        public List<String> ddl(long state) {
            return List.of(state < ADDED
                    ? "ALTER TABLE " + Workload.QUERIED_TABLE + " ADD COLUMN " + added(state) + " TEXT"
                    : "ALTER TABLE " + Workload.QUERIED_TABLE + " DROP COLUMN " + added(2 * ADDED - 1 - state));
        }

        @Override
        long period() {
            return 2 * ADDED;
        }

        @Override
        public long stateOf(Connection c) throws SQLException {
            List<String> extra = extraColumns(c);
            for (int n = 0; n <= ADDED; n++) {
                if (extra.equals(addedColumns(n))) {
                    // The same columns are there after n adds and after 2*ADDED - n steps: the
                    // file cannot tell the two apart, and the audit accepts either (see matches).
                    return n;
                }
            }
            throw new IllegalStateException("table " + Workload.QUERIED_TABLE + " has extra columns " + extra
                    + ", which no step of " + name() + " leaves");
        }

        @Override
        public boolean matches(Connection c, long state) throws SQLException {
            return stateOf(c) == (state <= ADDED ? state : 2 * ADDED - state);
        }
    },
    /**
     * A migration of several statements in one change, on the queried table: each step adds two
     * columns ({@code ALTER TABLE items ADD COLUMN …} twice); after {@value #MIGRATIONS}
     * migrations a reset change drops all of them (one DROP COLUMN each, in one change, itself
     * counted as a step). Needs a DDL strategy that opens a transaction: one without would
     * commit the statements one by one, and a failure in between would leave a schema no step
     * expects.
     */
    MIGRATION(Applies.TRANSACTION) {
        @Override
        public List<String> ddl(long state) {
            if (state < MIGRATIONS) {
                return List.of("ALTER TABLE " + Workload.QUERIED_TABLE + " ADD COLUMN " + added(2 * state) + " TEXT",
                        "ALTER TABLE " + Workload.QUERIED_TABLE + " ADD COLUMN " + added(2 * state + 1) + " INTEGER");
            }
            return addedColumns(2 * MIGRATIONS).stream()
                    .map(column -> "ALTER TABLE " + Workload.QUERIED_TABLE + " DROP COLUMN " + column)
                    .toList();
        }

        @Override
        long period() {
            return MIGRATIONS + 1;
        }

        @Override
        public long stateOf(Connection c) throws SQLException {
            List<String> extra = extraColumns(c);
            for (int n = 0; n <= MIGRATIONS; n++) {
                if (extra.equals(addedColumns(2 * n))) {
                    return n;
                }
            }
            throw new IllegalStateException("table " + Workload.QUERIED_TABLE + " has extra columns " + extra
                    + ", which no step of " + name() + " leaves");
        }
    },
    /**
     * RENAME COLUMN on the queried table: the first step adds column {@code note} (counted as a
     * step), then each step renames it, {@code note} to {@code remark} and back.
     */
    RENAME_COLUMN(Applies.ANY) {
        @Override
        public List<String> ddl(long state) {
            String alter = "ALTER TABLE " + Workload.QUERIED_TABLE;
            return List.of(state == 0 ? alter + " ADD COLUMN note TEXT"
                    : state == 1 ? alter + " RENAME COLUMN note TO remark"
                    : alter + " RENAME COLUMN remark TO note");
        }

        @Override
        public long next(long state) {
            return state == 2 ? 1 : state + 1;
        }

        @Override
        public long stateOf(Connection c) throws SQLException {
            List<String> extra = extraColumns(c);
            if (extra.isEmpty()) {
                return 0;
            }
            if (extra.size() == 1 && (extra.get(0).equals("note") || extra.get(0).equals("remark"))) {
                return extra.get(0).equals("note") ? 1 : 2;
            }
            throw new IllegalStateException("table " + Workload.QUERIED_TABLE + " has extra columns " + extra
                    + ", which no step of " + name() + " leaves");
        }
    },
    /** CREATE INDEX and DROP INDEX, alternately, on the queried table ({@code items(payload)}). */
    INDEX(Applies.ANY, new Toggle("CREATE INDEX " + SchemaChange.INDEX_NAME + " ON " + Workload.QUERIED_TABLE + "(payload)",
            "DROP INDEX " + SchemaChange.INDEX_NAME, c -> Workload.indexExists(c, SchemaChange.INDEX_NAME))),
    /**
     * A table per registered tenant, the seed's case: each step creates {@code tenant_<n>} (n
     * generated, never user input), so the schema grows, up to {@value #TENANTS} tenant tables.
     * From then on steps alternate between dropping the oldest tenant table and creating the
     * next, a ring that bounds the schema; each drop is counted as a step. The state is the
     * number of acknowledged steps.
     */
    TABLE_PER_TENANT(Applies.ANY) {
        @Override
        public List<String> ddl(long state) {
            if (state < TENANTS) {
                return List.of(createTenant(state));
            }
            long pair = (state - TENANTS) / 2;
            return List.of((state - TENANTS) % 2 == 0 ? "DROP TABLE " + TENANT_PREFIX + pair : createTenant(TENANTS + pair));
        }

        @Override
        public long stateOf(Connection c) throws SQLException {
            TreeSet<Long> tenants = new TreeSet<>();
            for (String table : Workload.tablesStartingWith(c, TENANT_PREFIX)) {
                tenants.add(Long.parseLong(table.substring(TENANT_PREFIX.length())));
            }
            if (tenants.isEmpty()) {
                return 0;
            }
            long lowest = tenants.first();
            long count = tenants.size();
            boolean contiguous = tenants.last() - lowest + 1 == count;
            if (contiguous && lowest == 0 && count <= TENANTS) {
                return count;
            }
            if (contiguous && lowest > 0 && count == TENANTS) {
                return TENANTS + 2 * lowest;
            }
            if (contiguous && lowest > 0 && count == TENANTS - 1) {
                return TENANTS + 2 * lowest - 1;
            }
            throw new IllegalStateException(count + " tenant tables from " + TENANT_PREFIX + lowest + " to "
                    + TENANT_PREFIX + tenants.last() + ", which no step of " + name() + " leaves");
        }
    },
    /**
     * {@code VACUUM}: it rewrites the file and changes the schema cookie, so it invalidates every
     * other connection's statements without changing the schema. VACUUM cannot run inside a
     * transaction: only strategies without BEGIN apply; the others fail at setup.
     */
    VACUUM(Applies.BARE) {
        @Override
        public List<String> ddl(long state) {
            return List.of("VACUUM");
        }

        @Override
        long period() {
            return 1;
        }

        @Override
        public long stateOf(Connection c) {
            return 0;
        }
    };

    // ATTACH/DETACH is not a churner workload: each is per connection, so a churner's ATTACH
    // changes only the churner's own connection, and no other connection's statements notice it.
    // On the connection that runs it (checked on SQLite 3.40.1): ATTACH expires none of its
    // prepared statements; DETACH expires all of them (one automatic re-prepare with prepare_v2,
    // SQLITE_SCHEMA with the legacy prepare). Only a reader that attaches and detaches itself
    // meets it.

    /** The table {@link #SIDE_TABLE} churns. */
    public static final String SIDE = "churned";
    static final String TENANT_PREFIX = "tenant_";
    static final String ADDED_PREFIX = "added_";
    static final String INDEX_NAME = "items_payload";
    /** Columns {@link #ADD_COLUMN} adds before it drops them again. */
    static final int ADDED = 4;
    /** Migrations of {@link #MIGRATION} before its reset. */
    static final int MIGRATIONS = 3;
    /** Tenant tables {@link #TABLE_PER_TENANT} keeps at most. */
    static final long TENANTS = 1_000;

    private final Applies applies;
    /** A change and its undo, alternately; null for the workloads that say their own steps. */
    private final Toggle toggle;

    SchemaChange(Applies applies) {
        this(applies, null);
    }

    SchemaChange(Applies applies, Toggle toggle) {
        this.applies = applies;
        this.toggle = toggle;
    }

    /** The statements of the step taken from {@code state}: one schema change. */
    public List<String> ddl(long state) {
        return List.of(state == 0 ? toggle.change : toggle.undo);
    }

    /**
     * The state a database file is in, read from its schema.
     *
     * @throws IllegalStateException naming what was found, if no step of this workload leaves it
     */
    public long stateOf(Connection connection) throws SQLException {
        return toggle.changed.test(connection) ? 1 : 0;
    }

    /** The state of a freshly seeded database. */
    public long initial() {
        return 0;
    }

    /** The state after the step from {@code state} was acknowledged. */
    public long next(long state) {
        long period = period();
        return period == 0 ? state + 1 : (state + 1) % period;
    }

    /** The length of the cycle of states; 0 for a workload whose state counts up. */
    long period() {
        return toggle == null ? 0 : 2;
    }

    /** Whether the file's schema is the one {@code state} stands for. */
    public boolean matches(Connection connection, long state) throws SQLException {
        return stateOf(connection) == state;
    }

    /** @throws IllegalArgumentException in one line if this workload cannot run under {@code ddl} */
    public void check(DdlStrategy ddl) {
        if (!applies.fits.test(ddl)) {
            throw new IllegalArgumentException("schema change " + name() + " cannot run under ddl " + ddl + ": "
                    + applies.reason + "; use one of " + applies.strategies());
        }
    }

    private record Toggle(String change, String undo, SchemaTest changed) {}

    @FunctionalInterface
    private interface SchemaTest {
        boolean test(Connection connection) throws SQLException;
    }

    /** Which DDL strategies a change may run under: asked of each strategy, never listed here. */
    private enum Applies {
        ANY(ddl -> true, ""),
        BARE(ddl -> !ddl.opensTransaction(), "VACUUM cannot run inside a transaction"),
        TRANSACTION(DdlStrategy::opensTransaction, "its statements must share one transaction, which this strategy does not open");

        final Predicate<DdlStrategy> fits;
        final String reason;

        Applies(Predicate<DdlStrategy> fits, String reason) {
            this.fits = fits;
            this.reason = reason;
        }

        List<DdlStrategy> strategies() {
            return Arrays.stream(DdlStrategy.values()).filter(fits).toList();
        }
    }

    static String added(long i) {
        return ADDED_PREFIX + i;
    }

    static List<String> addedColumns(int n) {
        return java.util.stream.LongStream.range(0, n).mapToObj(SchemaChange::added).toList();
    }

    static String createTenant(long n) {
        return "CREATE TABLE " + TENANT_PREFIX + n + "(id INTEGER PRIMARY KEY, name TEXT, score INTEGER)";
    }

    /** The queried table's columns after the seed's {@code id, payload}. */
    static List<String> extraColumns(Connection c) throws SQLException {
        List<String> columns = Workload.columns(c, Workload.QUERIED_TABLE);
        return columns.subList(Math.min(2, columns.size()), columns.size());
    }
}

package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.workload.Fixture;
import io.github.schemachurn.workload.SchemaChange;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The params of a seeded database file, declared once with one set of defaults: every state that
 * creates a database extends this (JMH takes {@code @Param} fields from superclasses), so a
 * param means the same in every benchmark. A state declares a param itself only where its
 * useful values differ: JMH has no per-benchmark defaults.
 */
@State(Scope.Group) // JMH reads @Param only in @State classes; each subclass states its own scope
public abstract class DatabaseParams {
    @Param({"WAL", "DELETE"})
    public String journal;

    /** SQLite's busy_timeout in ms on every connection; 0 fails at once (the driver's own default would be 3000). */
    @Param({"0"})
    public String busyTimeout;

    /** Rows in the seeded table the point query reads. */
    @Param({"10000"})
    public String rows;

    /** A fresh seeded database with these params (parsed first: bad input leaves nothing behind). */
    Fixture fixture(DdlStrategy ddl, RetryPolicy retry, SchemaChange change, int extraTables) throws SQLException {
        return Fixture.create(Params.parseEnum("journal", journal, JournalMode.class), ddl, retry, change,
                Params.parseNonNegativeInt("busyTimeout", busyTimeout), Params.parseNonNegativeInt("rows", rows), extraTables);
    }
}

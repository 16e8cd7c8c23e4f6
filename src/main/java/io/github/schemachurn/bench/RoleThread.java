package io.github.schemachurn.bench;

import io.github.schemachurn.workload.Fixture;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.*;

/**
 * A role's thread in a benchmark group: pinned where the group's CPU placement puts the role, with
 * its session opened on the group's fixture for the trial (the fixture closes it before its audit).
 * A role with no params of its own is one constructor: {@code super(CounterNames.DDL, Fixture::churner)}.
 */
abstract class RoleThread<S> {
    private final String role;
    private final Opener<S> opener;
    S session;

    RoleThread(String role, Opener<S> opener) {
        this.role = role;
        this.opener = opener;
    }

    @Setup(Level.Trial)
    public void open(ChurnedDatabase db) throws SQLException {
        db.placement.pin(role);
        session = opener.open(db.fixture);
    }

    @FunctionalInterface
    interface Opener<S> {
        S open(Fixture fixture) throws SQLException;
    }
}

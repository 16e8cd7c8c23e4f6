package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.workload.Churner;
import io.github.schemachurn.workload.Fixture;
import org.openjdk.jmh.annotations.*;

/** The churner thread ({@link Churner}), pinned where the group's placement puts the schema changer. */
@State(Scope.Thread)
public class ChurnerThread extends RoleThread<Churner> {
    public ChurnerThread() {
        super(CounterNames.DDL, Fixture::churner);
    }
}

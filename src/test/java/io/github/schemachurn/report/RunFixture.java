package io.github.schemachurn.report;

import static io.github.schemachurn.report.Fixtures.churn;
import static io.github.schemachurn.report.Fixtures.params;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.ErrorClass;
import java.util.ArrayList;
import java.util.List;

/** A small whole run in the new counter contract: churn, scale, schema reload, legacy prepare, crashes. */
final class RunFixture {
    private RunFixture() {}

    static List<ObjectNode> results() {
        List<ObjectNode> all = new ArrayList<>();
        // Churn: WAL has no failures and AUTOCOMMIT is fastest; in DELETE, EXCLUSIVE makes most reads fail.
        all.add(churn(params("journal", "WAL", "ddl", "AUTOCOMMIT"), 140_000, ErrorClass.BUSY, 0, 1.0, 1.05, 0.95));
        all.add(churn(params("journal", "WAL", "ddl", "DEFERRED"), 120_000, ErrorClass.BUSY, 0, 1.0, 1.04, 0.97));
        all.add(churn(params("journal", "WAL", "ddl", "EXCLUSIVE"), 80_000, ErrorClass.BUSY, 0, 1.0, 1.05, 0.95));
        all.add(churn(params("journal", "DELETE", "ddl", "AUTOCOMMIT"), 50_000, ErrorClass.BUSY, 0.45, 1.0, 1.05, 0.95));
        all.add(churn(params("journal", "DELETE", "ddl", "DEFERRED"), 45_000, ErrorClass.BUSY, 0.40, 1.0, 1.05, 0.95));
        all.add(churn(params("journal", "DELETE", "ddl", "EXCLUSIVE"), 3_000, ErrorClass.BUSY, 0.98, 1.0, 1.05, 0.95));
        // Scale: at 2000 extra tables every read fails with SCHEMA whatever the DDL strategy; 1 fork.
        for (String ddl : List.of("AUTOCOMMIT", "EXCLUSIVE")) {
            all.add(new Fixtures.Bench("SchemaSizeBenchmark", "churn", 1, params("ddl", ddl, "extraTables", "0", "journal", "WAL"))
                    .role(CounterNames.OPERATION, "reader", 100_000, ErrorClass.SCHEMA, 0)
                    .role(CounterNames.DDL, "churner", 15_000, ErrorClass.BUSY, 0).node);
            all.add(new Fixtures.Bench("SchemaSizeBenchmark", "churn", 1, params("ddl", ddl, "extraTables", "2000", "journal", "WAL"))
                    .role(CounterNames.OPERATION, "reader", (f, i) -> 0L, ErrorClass.SCHEMA, (f, i) -> 3L)
                    .role(CounterNames.DDL, "churner", 3_000, ErrorClass.BUSY, 0).node);
        }
        // Schema reload: 50 us + 3.8 us per extra table.
        for (int tables : List.of(0, 100, 500, 2000)) {
            all.add(Fixtures.timing("SchemaReloadBenchmark", Run.STALE_PREPARE_METHOD,
                    params("extraTables", String.valueOf(tables)), 50 + 3.8 * tables));
        }
        all.add(Fixtures.timing("SchemaReloadBenchmark", Run.FRESH_PREPARE_METHOD, params("extraTables", "0"), 11.5, 12.5));
        // Legacy prepare: SCHEMA on the first change; V2 retries.
        all.add(new Fixtures.Bench("LegacyPrepareBenchmark", "read", 2, params("prepare", "LEGACY"))
                .role(CounterNames.OPERATION, "reader", 1_000, ErrorClass.SCHEMA, 0.3)
                .role(CounterNames.DDL, "churner", 200, ErrorClass.BUSY, 0).node);
        all.add(new Fixtures.Bench("LegacyPrepareBenchmark", "read", 2, params("prepare", "V2"))
                .role(CounterNames.OPERATION, "reader", 1_400, ErrorClass.SCHEMA, 0)
                .role(CounterNames.DDL, "churner", 200, ErrorClass.BUSY, 0).node);
        // Crashes: a killed churner, audited.
        all.add(new Fixtures.Bench("CrossProcessChurnBenchmark", "site", 2, params("churner", "KILLED_PROCESS"))
                .role(CounterNames.OPERATION, "site", 50_000, ErrorClass.BUSY, 0)
                .counter("crashKills", (f, i) -> 5.0).counter("crashCorruptions", (f, i) -> 0.0).node);
        return all;
    }
}

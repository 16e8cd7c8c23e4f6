package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.PrepareMode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The params of the seed's site, declared once for both ways of serving it: pages on threads of
 * one process ({@link Site}) and pages by worker processes ({@link ServedSite}).
 */
@State(Scope.Group) // JMH reads @Param only in @State classes; each subclass states its own scope
public abstract class SeedSiteParams extends DatabaseParams {
    /** How registration wraps its CREATE TABLE: {@link DdlStrategy}; EXCLUSIVE is the seed's fix. */
    @Param({"AUTOCOMMIT", "EXCLUSIVE"})
    public String ddl;

    /**
     * How each page prepares its SELECT: {@link PrepareMode}; LEGACY ({@code sqlite3_prepare}) is
     * the seed's PDO SQLite, V2 what PHP's PDO has used since 7.2.
     */
    @Param({"LEGACY", "V2"})
    public String prepare;

    /** Users registered before the run, each with a table and an index (the schema a new connection loads). */
    @Param({"200"})
    public String existingUsers;

    /** New users per second (one CREATE TABLE each). */
    @Param({"20"})
    public String registrationsPerSecond;
}

package io.github.schemachurn.cli.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptTest {
    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        assertThat(Script.statements("""
                -- a comment; with a semicolon
                CREATE TABLE a(x TEXT DEFAULT 'b;c');
                /* block; comment */ INSERT INTO "we;ird"(x) VALUES ('it''s; fine');
                ALTER TABLE a ADD COLUMN y
                """)).containsExactly("-- a comment; with a semicolon\nCREATE TABLE a(x TEXT DEFAULT 'b;c')",
                "/* block; comment */ INSERT INTO \"we;ird\"(x) VALUES ('it''s; fine')", "ALTER TABLE a ADD COLUMN y");
    }

    @Test
    void keepsATriggerBodyWholeCaseExpressionsIncluded() {
        List<String> statements = Script.statements("""
                CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN
                  UPDATE a SET y = CASE WHEN new.x > 1 THEN 'big' ELSE 'small' END;
                  INSERT INTO log VALUES (1);
                END;
                DROP TABLE b;
                """);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).startsWith("CREATE TEMP TRIGGER").endsWith("END");
        assertThat(statements.get(1)).isEqualTo("DROP TABLE b");
    }

    @Test
    void dropsAnOuterTransactionAndRefusesOneInside() {
        assertThat(Script.withoutOuterTransaction(Script.statements("BEGIN; CREATE TABLE a(x); COMMIT;"), "m"))
                .containsExactly("CREATE TABLE a(x)");
        assertThatThrownBy(() -> Script.withoutOuterTransaction(Script.statements("CREATE TABLE a(x); COMMIT; DROP TABLE a;"), "m"))
                .isInstanceOf(DiagnoseException.class).hasMessageContaining("statement 2 controls a transaction (COMMIT)");
        assertThatThrownBy(() -> Script.withoutOuterTransaction(Script.statements("-- nothing\n"), "m"))
                .isInstanceOf(DiagnoseException.class).hasMessageContaining("no SQL statements");
    }
}

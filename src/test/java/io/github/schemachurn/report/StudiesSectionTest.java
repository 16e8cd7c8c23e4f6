package io.github.schemachurn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studies part of the report: one table per study file, failure shares by class, derived rates, a curve. */
class StudiesSectionTest {
    @TempDir
    Path dir;

    /** A JMH result of a churn group with one reader and one paced churner at the given extraTables. */
    private static String result(int extraTables, double readerScore, long attempts, long schema) {
        return """
            {"jmhVersion":"1.37","benchmark":"io.github.schemachurn.bench.SchemaSizeBenchmark.churn","mode":"thrpt",
             "params":{"extraTables":"%d","journal":"WAL"},
             "primaryMetric":{"score":1.0,"scoreError":"NaN","scoreUnit":"ops/s","rawData":[[1.0]]},
             "secondaryMetrics":{
               "reader":{"score":%s,"scoreError":10.0,"scoreUnit":"ops/s","rawData":[[%s,%s],[%s,%s]]},
               "opAttempts":{"score":%d,"scoreUnit":"#","rawData":[[%d,0],[0,0]]},
               "opOk":{"score":%d,"scoreUnit":"#","rawData":[[%d,0],[0,0]]},
               "opSchema":{"score":%d,"scoreUnit":"#","rawData":[[%d,0],[0,0]]},
               "pacedAttempts":{"score":50,"scoreUnit":"#","rawData":[[50,0],[0,0]]},
               "pacedOk":{"score":50,"scoreUnit":"#","rawData":[[50,0],[0,0]]},
               "pacedMicros":{"score":500000,"scoreUnit":"#","rawData":[[250000,250000],[0,0]]},
               "rgSchemaChanges":{"score":49,"scoreUnit":"#","rawData":[[49,0],[0,0]]}}}
            """.formatted(extraTables, readerScore, readerScore, readerScore, readerScore, readerScore,
                attempts, attempts, attempts - schema, attempts - schema, schema, schema);
    }

    @Test
    void rendersOneTablePerStudyWithFailureSharesRatesAndACurve() throws IOException {
        Path results = Fixtures.copyRun(dir);
        Path scaling = Files.createDirectories(results.resolve("scaling"));
        Files.writeString(scaling.resolve("size.json"), "[" + result(0, 1000, 200, 0) + "," + result(2000, 500, 100, 10) + "]");

        ReportGenerator.Rendered rendered = ReportGenerator.render(results, results.resolve("environment.json"),
                dir.resolve("benchmarks.md"), dir.resolve("charts"));

        String report = rendered.markdown();
        assertThat(report).contains("## Studies: scaling and reliability", "### scaling/size",
                "From results/scaling/size.json: SchemaSizeBenchmark.churn. Fixed: journal=WAL.");
        assertThat(report).contains("| SchemaSizeBenchmark.churn | 0 | reader: 1,000 ± 10.0 ops/s (forks 1,000 / 1,000) "
                + "| op: 200 attempts, 0 % failed; paced: 50 attempts, 0 % failed; 100 ok/s over pacedMicros "
                + "| rgSchemaChanges 49 |");
        assertThat(report).contains("| SchemaSizeBenchmark.churn | 2000 | reader: 500 ± 10.0 ops/s (forks 500 / 500) "
                + "| op: 100 attempts, 10.00 % failed (Schema 10.00 %);");
        assertThat(report.indexOf("## Studies")).isLessThan(report.indexOf("## Threats"));

        byte[] png = rendered.charts().get(dir.resolve("charts").resolve("study-scaling-size.png"));
        assertThat(png).isNotNull();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isPositive();
        assertThat(report).contains("![scaling/size.json: by extraTables](charts/study-scaling-size.png)");
    }

    @Test
    void aMalformedStudyFileIsAOneLineError() throws IOException {
        Path results = Fixtures.copyRun(dir);
        Files.writeString(Files.createDirectories(results.resolve("reliability")).resolve("cross-process.json"), "{}");
        StringWriter err = new StringWriter();

        int exit = Report.run(new String[] {"generate", "--results", results.toString(), "--out", dir.resolve("b.md").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString()
                .contains("cross-process.json: not a JMH results file");
    }
}

package io.github.schemachurn.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Results directory in, benchmarks.md and charts out. Everything is read, checked and rendered in
 * memory first; only then are files written, each atomically, so bad input changes nothing.
 */
public final class ReportGenerator {
    public static final String ENVIRONMENT_FILE = "environment.json";
    static final String BEGIN = "<!-- BEGIN GENERATED REPORT: the text from here to END GENERATED REPORT is written by "
            + "`java -cp target/benchmarks.jar io.github.schemachurn.report.Report generate`; edit only outside it. -->";
    static final String END = "<!-- END GENERATED REPORT -->";

    private ReportGenerator() {}

    /** What generation would write: the whole markdown file and the chart PNGs by path. */
    public record Rendered(String markdown, Map<Path, byte[]> charts) {}

    public static Rendered render(Path resultsDir, Path environmentFile, Path markdownFile, Path chartsDir) {
        List<BenchmarkRow> rows = readResults(resultsDir, environmentFile);
        Environment environment = Environment.read(environmentFile);
        Path markdownDir = markdownFile.toAbsolutePath().getParent();
        if (Files.exists(markdownDir) && !Files.isDirectory(markdownDir)) {
            throw new ReportException(markdownFile + ": cannot write it (" + markdownDir + " is not a directory)");
        }
        String link = markdownDir.relativize(chartsDir.toAbsolutePath()).toString().replace('\\', '/');
        String linkPrefix = link.isEmpty() ? "" : link + "/";
        StudiesSection.Output studies = StudiesSection.render(resultsDir, linkPrefix);
        MarkdownReport.Output output = MarkdownReport.render(environment, rows, linkPrefix, studies.markdown());
        Map<Path, byte[]> charts = new TreeMap<>();
        output.charts().forEach((name, png) -> charts.put(chartsDir.resolve(name), png));
        studies.charts().forEach((name, png) -> charts.put(chartsDir.resolve(name), png));
        return new Rendered(splice(existing(markdownFile), output.markdown(), markdownFile), charts);
    }

    public static void generate(Path resultsDir, Path environmentFile, Path markdownFile, Path chartsDir) {
        Rendered rendered = render(resultsDir, environmentFile, markdownFile, chartsDir);
        rendered.charts().forEach(AtomicFiles::write);
        AtomicFiles.write(markdownFile, rendered.markdown().getBytes(StandardCharsets.UTF_8));
    }

    /** Every *.json in the directory but the environment file, by name; at least one with churn results. */
    static List<BenchmarkRow> readResults(Path resultsDir, Path environmentFile) {
        if (!Files.isDirectory(resultsDir)) {
            throw new ReportException(resultsDir + ": " + (Files.exists(resultsDir) ? "not a directory" : "no such directory"));
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> json = Files.newDirectoryStream(resultsDir, "*.json")) {
            for (Path file : json) {
                if (!file.getFileName().equals(environmentFile.getFileName()) || !sameFile(file, environmentFile)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new ReportException(resultsDir + ": cannot list it (" + AtomicFiles.reason(e) + ")");
        }
        files.sort(null);
        if (files.isEmpty()) {
            throw new ReportException(resultsDir + ": no results files (*.json) in it");
        }
        List<BenchmarkRow> rows = new ArrayList<>();
        files.forEach(file -> rows.addAll(ResultsFile.read(file)));
        if (rows.stream().noneMatch(r -> r.question().churn())) {
            throw new ReportException(resultsDir + ": no churn results in it (only ceiling results); the report needs "
                    + "ddl, reader, retry, writes or latency results");
        }
        return rows;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static String existing(Path markdownFile) {
        try {
            return Files.readString(markdownFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new ReportException(markdownFile + ": cannot read it (" + AtomicFiles.reason(e) + ")");
        }
    }

    /** The existing file with its generated part replaced; a new file holds only the generated part. */
    static String splice(String existing, String generated, Path markdownFile) {
        if (existing == null) {
            return "# SQLite schema-churn benchmarks\n\n" + BEGIN + "\n" + generated + END + "\n";
        }
        int begin = existing.indexOf("<!-- BEGIN GENERATED REPORT");
        int end = existing.indexOf(END);
        if (begin < 0 || end < 0 || end < begin || existing.indexOf("<!-- BEGIN GENERATED REPORT", begin + 1) >= 0
                || existing.indexOf(END, end + 1) >= 0) {
            throw new ReportException(markdownFile + ": it has no single pair of generated-part markers (" + END
                    + " after <!-- BEGIN GENERATED REPORT …); refusing to overwrite it");
        }
        return existing.substring(0, begin) + BEGIN + "\n" + generated + existing.substring(end);
    }
}

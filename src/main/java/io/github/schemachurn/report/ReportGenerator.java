package io.github.schemachurn.report;

import io.github.schemachurn.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Results in; benchmarks.md (its generated part), the tables file and the charts out. Everything
 * is read, checked and rendered in memory first; only then are files written, each atomically, so
 * bad input changes nothing.
 */
public final class ReportGenerator {
    public static final String ENVIRONMENT_FILE = "environment.json";
    /** The project's README, which holds the drivers table the first screen links to. */
    static final String README = "README.md";
    static final String BEGIN = "<!-- BEGIN GENERATED REPORT: the text from here to END GENERATED REPORT is written by "
            + "`java -cp target/benchmarks.jar io.github.schemachurn.cli.Report generate`; edit only outside it. -->";
    static final String END = "<!-- END GENERATED REPORT -->";

    private ReportGenerator() {}

    /** What generation would write: every file by path. */
    public record Rendered(String markdown, String tables, Map<Path, byte[]> charts) {}

    /**
     * @param environmentFile the environment file; empty means the one beside the results when a
     *                        single directory is given and it has one, otherwise none
     */
    public static Rendered render(List<Path> inputs, Optional<Path> environmentFile, Path markdownFile, Path chartsDir, Path tablesFile) {
        JmhJson.Read read = JmhJson.readRun(inputs, ENVIRONMENT_FILE);
        List<Result> configs = configs(read.results());
        List<Result> twins = configs(read.twins());
        Optional<Environment> environment = environmentFile.or(() -> besideResults(inputs)).map(Environment::read);
        Path markdownDir = markdownFile.toAbsolutePath().getParent();
        if (Files.exists(markdownDir) && !Files.isDirectory(markdownDir)) {
            throw new ReportException(markdownFile + ": cannot write it (" + markdownDir + " is not a directory)");
        }
        String link = markdownDir.relativize(chartsDir.toAbsolutePath()).toString().replace('\\', '/');
        Run run = new Run(configs, twins, environment, link.isEmpty() ? "" : link + "/");
        String tablesLink = markdownDir.relativize(tablesFile.toAbsolutePath()).toString().replace('\\', '/');

        Md md = new Md(1);
        if (environment.map(Environment::smoke).orElse(false)) {
            md.para("> **Placeholder: these numbers come from a tiny smoke run that only checks the tooling; they mean nothing.**");
        }
        Optional<Run> replicate = replicate(inputs);
        String readme = markdownDir.relativize(Path.of(README).toAbsolutePath()).toString().replace('\\', '/');
        FirstScreen.render(run, replicate, readme, md);
        AnswerSection.render(run, md);
        ThresholdSection.render(run, md);
        SeedSiteSection.render(run, md);
        StudiesSection.render(run, md, tablesLink);
        AuditSection.render(run, md);
        ChecksSection.render(run, md);
        AnswerSection.renderMethod(run, md);
        ReplicateSection.render(run, replicate, md);
        EnvironmentSection.render(run, md);

        Map<Path, byte[]> charts = new TreeMap<>();
        run.charts.forEach((name, png) -> charts.put(chartsDir.resolve(name), png));
        return new Rendered(splice(existing(markdownFile), md.toString(), markdownFile), TablesFile.render(run), charts);
    }

    /** The results as the report reads them (kept for callers that loaded them apart). */
    static List<Result> configs(List<Result> results) {
        return results;
    }

    public static void generate(List<Path> inputs, Optional<Path> environmentFile, Path markdownFile, Path chartsDir, Path tablesFile) {
        Rendered rendered = render(inputs, environmentFile, markdownFile, chartsDir, tablesFile);
        rendered.charts().forEach(AtomicFiles::write);
        removeStaleCharts(chartsDir, rendered.charts().keySet().stream().map(p -> p.getFileName().toString()).toList());
        AtomicFiles.write(tablesFile, rendered.tables().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(markdownFile, rendered.markdown().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Charts named as this generator names them ({@link Run#CHART_NAME}) that this generation did not
     * write: an earlier one's, of a benchmark no longer in the results. Removed, so the directory holds
     * what the report links; other files stay.
     */
    private static void removeStaleCharts(Path chartsDir, List<String> written) {
        if (!Files.isDirectory(chartsDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(chartsDir)) {
            for (Path stale : files.filter(f -> Run.CHART_NAME.matcher(f.getFileName().toString()).matches())
                    .filter(f -> !written.contains(f.getFileName().toString())).toList()) {
                Files.deleteIfExists(stale);
            }
        } catch (IOException e) {
            throw new ReportException(chartsDir + ": cannot remove an earlier chart (" + AtomicFiles.reason(e) + ")");
        }
    }

    /** The replicate run beside the results: a {@value JmhJson#REPLICATE_DIR} directory with results in the one results directory. */
    private static Optional<Run> replicate(List<Path> inputs) {
        if (inputs.size() != 1) {
            return Optional.empty();
        }
        Path dir = inputs.get(0).resolve(JmhJson.REPLICATE_DIR);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            if (files.noneMatch(f -> f.toString().endsWith(".json") && !f.getFileName().toString().equals(ENVIRONMENT_FILE))) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new ReportException(dir + ": cannot list it (" + AtomicFiles.reason(e) + ")");
        }
        return Optional.of(RunComparison.load(dir));
    }

    private static Optional<Path> besideResults(List<Path> inputs) {
        if (inputs.size() == 1 && Files.isDirectory(inputs.get(0)) && Files.isRegularFile(inputs.get(0).resolve(ENVIRONMENT_FILE))) {
            return Optional.of(inputs.get(0).resolve(ENVIRONMENT_FILE));
        }
        return Optional.empty();
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

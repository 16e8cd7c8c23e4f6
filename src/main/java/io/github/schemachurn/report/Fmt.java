package io.github.schemachurn.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Fixed number formatting (Locale.ROOT), so the same inputs give the same report anywhere. */
public final class Fmt {
    private Fmt() {}

    /** Three significant figures or whole numbers with thousands separators: 123,457 / 1,235 / 12.3 / 0.123. */
    public static String num(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs == 0) {
            return "0";
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (abs >= 0.001) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.1e", value);
    }

    /** A percentage: 0 exactly as "0 %", anything else with two decimals, tiny shares as "<0.01 %". */
    static String pct(double percent) {
        if (Double.isNaN(percent)) {
            return "n/a";
        }
        if (percent == 0) {
            return "0 %";
        }
        if (percent < 0.01) {
            return "<0.01 %";
        }
        return String.format(Locale.ROOT, "%.2f %%", percent);
    }

    /** A range of percentages, "5.10–30.20 %" (each end as {@link #pct} writes it). */
    static String pctRange(double low, double high) {
        return pct(low).replace(" %", "") + "–" + pct(high);
    }

    /** A count: whole, with thousands separators. */
    public static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** A p-value as a sentence says it: "p = 0.012", or "p < 0.001". */
    static String pIs(double p) {
        return p < 0.001 ? "p < 0.001" : "p = " + p(p);
    }

    /** A p-value: "<0.001" or three decimals. */
    static String p(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    static String forks(List<Double> values) {
        return values.stream().map(Fmt::num).collect(Collectors.joining(" / "));
    }

    /** A signed relative change, e.g. "+12 %" or "-3.4 %". */
    static String change(double from, double to) {
        if (from == 0 || Double.isNaN(from) || Double.isNaN(to)) {
            return "n/a";
        }
        return signedPct(100 * (to - from) / from);
    }

    /**
     * A signed percentage, e.g. "+12 %" or "-3.4 %" (whole from 10 % on); from +1,000 % on a factor,
     * "×12.3", and beyond a thousandfold "> ×1,000": there the slower side ran near zero operations
     * in some round, and the digits would say nothing but how near.
     */
    static String signedPct(double percent) {
        if (percent >= 1000) {
            double factor = 1 + percent / 100;
            return factor > 1000 ? "> ×1,000" : "×" + num(factor);
        }
        return Math.abs(percent) >= 10 ? String.format(Locale.ROOT, "%+.0f %%", percent) : String.format(Locale.ROOT, "%+.1f %%", percent);
    }
}

package io.github.schemachurn.report.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** What every chart shares: colours, fonts, the styler's common settings, text wrapping and PNG encoding. */
public final class Style {
    /** Outcome colours: ok (green) first, then the failures. */
    static final Color[] OUTCOME_COLORS = {new Color(0x2ca02c), new Color(0xd62728), new Color(0xff7f0e), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf), new Color(0x1f77b4)};
    /** Options' colours: none of them reads as good or bad (no green first, no red second). */
    private static final Color[] OPTION_COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x9467bd), new Color(0x17becf),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0xbcbd22), new Color(0x7f7f7f), new Color(0x2ca02c), new Color(0xd62728)};

    /** The font of the category labels, which the charts draw under the plot themselves: XChart draws one line per label and overlaps or skips what does not fit. */
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    /** The font of the values written over the failed-share bars. */
    static final Font VALUE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    /** Room on each side of a label inside its category's slot, in pixels. */
    static final int LABEL_GAP = 6;
    /** The share of the plot's width and height XChart spreads its data over (its default). */
    static final double PLOT_CONTENT = 0.92;
    /** How the charts write a number: on their axes and over the failed-share bars. */
    static final String NUMBER_PATTERN = "#,##0.##";

    private Style() {}

    /** The colour of the i-th option of a param (in the run's order), the same in every chart. */
    public static Color optionColor(int i) {
        return OPTION_COLORS[Math.floorMod(i, OPTION_COLORS.length)];
    }

    /** The settings every chart shares: a white background, numbers written the same in every locale. */
    static <S extends Styler> S common(S styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLocale(Locale.ROOT);
        return styler;
    }

    static FontMetrics metrics(Font font) {
        Graphics2D graphics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        FontMetrics metrics = graphics.getFontMetrics(font);
        graphics.dispose();
        return metrics;
    }

    /** Sentences broken into lines of at most {@code width} pixels, at spaces. */
    static List<String> wrap(List<String> sentences, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        for (String sentence : sentences) {
            StringBuilder line = new StringBuilder();
            for (String word : sentence.split(" ")) {
                if (line.length() > 0 && metrics.stringWidth(line + " " + word) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** A white canvas with anti-aliased text, for the figures drawn around XChart's plots. */
    static Graphics2D canvas(BufferedImage image) {
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return graphics;
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

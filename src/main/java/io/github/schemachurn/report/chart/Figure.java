package io.github.schemachurn.report.chart;

import java.awt.Rectangle;
import java.util.List;

/** A rendered chart and where it drew what, in the image's pixels: its plot areas, each category's slot and label box. */
public record Figure(byte[] png, int width, int height, List<Rectangle> plots, List<Rectangle> slots, List<Rectangle> labels,
                     List<List<String>> labelLines) {
    /** Below this many pixels of plot height a panel is too small to show its bars. */
    public static final int MIN_PLOT_HEIGHT = 120;
}

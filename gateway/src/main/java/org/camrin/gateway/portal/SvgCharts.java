package org.camrin.gateway.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

import org.springframework.web.util.HtmlUtils;

/**
 * Draws charts as inline SVG on the server, so pages need no chart script. Every chart has a
 * title and a description for screen readers, and each page shows the same figures in a table.
 * Lines differ by dash pattern and marker as well as colour, so no reading depends on colour.
 */
final class SvgCharts {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final int LEFT = 70;
    private static final int RIGHT = 40;
    private static final int TOP = 20;
    private static final int BOTTOM = 50;
    // NHS blue, dark grey, purple and dark pink from the NHS identity colours: each has more
    // than 3:1 contrast on white, the minimum for graphics under WCAG 2.2 (1.4.11).
    private static final String[] COLOURS = {"#005eb8", "#425563", "#330072", "#7c2855"};
    private static final String[] DASHES = {"", "6 4", "2 3", "10 3 2 3"};

    private SvgCharts() {
    }

    /** One named line of values in the order of the chart's labels; a null value leaves a gap. */
    record Series(String name, List<Double> values) {
    }

    /** One bar with its label and value; a null value is drawn as "no data". */
    record Bar(String label, Double value) {
    }

    static String lineChart(String title, String description, List<String> labels, List<Series> series,
            Double standard, String standardLabel, DoubleFunction<String> format) {
        double max = standard == null ? 0 : standard;
        for (Series line : series) {
            for (Double value : line.values()) {
                if (value != null) {
                    max = Math.max(max, value);
                }
            }
        }
        max = max <= 0 ? 1 : max * 1.1;
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double step = labels.size() > 1 ? (double) plotWidth / (labels.size() - 1) : 0;

        StringBuilder svg = start(title, description);
        axes(svg, max, format);
        int every = Math.max(1, labels.size() / 8);
        for (int i = 0; i < labels.size(); i += every) {
            double x = LEFT + i * step;
            svg.append(text(x, HEIGHT - BOTTOM + 18, "middle", labels.get(i)));
        }
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            List<String> points = new ArrayList<>();
            for (int i = 0; i < line.values().size() && i < labels.size(); i++) {
                Double value = line.values().get(i);
                if (value == null) {
                    drawPolyline(svg, points, colour, DASHES[s % DASHES.length]);
                    points = new ArrayList<>();
                    continue;
                }
                double x = LEFT + i * step;
                double y = TOP + plotHeight - value / max * plotHeight;
                points.add(number(x) + "," + number(y));
                svg.append(marker(s, x, y, colour));
            }
            drawPolyline(svg, points, colour, DASHES[s % DASHES.length]);
        }
        if (standard != null) {
            double y = TOP + plotHeight - standard / max * plotHeight;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(number(y)).append("\" y2=\"").append(number(y))
                    .append("\" stroke=\"#d5281b\" stroke-width=\"2\" stroke-dasharray=\"8 4\"/>");
            svg.append(text(WIDTH - RIGHT, y - 6, "end", standardLabel));
        }
        legend(svg, series);
        return svg.append("</svg>").toString();
    }

    static String barChart(String title, String description, List<Bar> bars, Double standard, String standardLabel,
            DoubleFunction<String> format) {
        double max = standard == null ? 0 : standard;
        for (Bar bar : bars) {
            if (bar.value() != null) {
                max = Math.max(max, bar.value());
            }
        }
        max = max <= 0 ? 1 : max * 1.1;
        int rowHeight = 28;
        int height = TOP + bars.size() * rowHeight + 30;
        int labelWidth = 220;
        int plotWidth = WIDTH - labelWidth - RIGHT - 60;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-labelledby=\"").append(id(title)).append("-title ")
                .append(id(title)).append("-desc\"><title id=\"").append(id(title)).append("-title\">").append(escape(title))
                .append("</title><desc id=\"").append(id(title)).append("-desc\">").append(escape(description)).append("</desc>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = TOP + i * rowHeight;
            svg.append(text(labelWidth - 8, y + 18, "end", bar.label()));
            if (bar.value() == null) {
                svg.append(text(labelWidth + 4, y + 18, "start", "no data"));
                continue;
            }
            double width = bar.value() / max * plotWidth;
            svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(number(y + 4)).append("\" width=\"")
                    .append(number(width)).append("\" height=\"").append(rowHeight - 10).append("\" fill=\"#005eb8\"/>");
            svg.append(text(labelWidth + width + 6, y + 18, "start", format.apply(bar.value())));
        }
        if (standard != null) {
            double x = labelWidth + standard / max * plotWidth;
            svg.append("<line x1=\"").append(number(x)).append("\" x2=\"").append(number(x)).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(TOP + bars.size() * rowHeight).append("\" stroke=\"#d5281b\" stroke-width=\"2\""
                            + " stroke-dasharray=\"8 4\"/>");
            svg.append(text(x, TOP + bars.size() * rowHeight + 20, "middle", standardLabel));
        }
        return svg.append("</svg>").toString();
    }

    static String whole(double value) {
        return String.format(Locale.UK, "%,.0f", value);
    }

    static String percentLabel(double value) {
        return String.format(Locale.UK, "%.1f%%", value);
    }

    private static StringBuilder start(String title, String description) {
        StringBuilder svg = new StringBuilder();
        String id = id(title);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT + 30).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\"><title id=\"").append(id).append("-title\">").append(escape(title))
                .append("</title><desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
        return svg;
    }

    private static void axes(StringBuilder svg, double max, DoubleFunction<String> format) {
        int bottom = HEIGHT - BOTTOM;
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#4c6272\"/>");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#4c6272\"/>");
        for (int tick = 0; tick <= 4; tick++) {
            double value = max * tick / 4;
            double y = bottom - (double) (bottom - TOP) * tick / 4;
            svg.append("<line x1=\"").append(LEFT - 4).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(number(y)).append("\" y2=\"").append(number(y)).append("\" stroke=\"#d8dde0\"/>");
            svg.append(text(LEFT - 8, y + 4, "end", format.apply(value)));
        }
    }

    private static void legend(StringBuilder svg, List<Series> series) {
        double x = LEFT;
        double y = HEIGHT + 10;
        for (int s = 0; s < series.size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            svg.append("<line x1=\"").append(number(x)).append("\" x2=\"").append(number(x + 24)).append("\" y1=\"")
                    .append(number(y)).append("\" y2=\"").append(number(y)).append("\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"3\" stroke-dasharray=\"").append(DASHES[s % DASHES.length]).append("\"/>");
            svg.append(marker(s, x + 12, y, colour));
            svg.append(text(x + 30, y + 4, "start", series.get(s).name()));
            x += 40 + series.get(s).name().length() * 7.5;
        }
    }

    private static void drawPolyline(StringBuilder svg, List<String> points, String colour, String dash) {
        if (points.size() < 2) {
            return;
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"3\" stroke-dasharray=\"")
                .append(dash).append("\" points=\"").append(String.join(" ", points)).append("\"/>");
    }

    /** Circle, square, triangle or diamond, so each line is told apart without colour. */
    private static String marker(int seriesIndex, double x, double y, String colour) {
        return switch (seriesIndex % 4) {
            case 0 -> "<circle cx=\"" + number(x) + "\" cy=\"" + number(y) + "\" r=\"4\" fill=\"" + colour + "\"/>";
            case 1 -> "<rect x=\"" + number(x - 4) + "\" y=\"" + number(y - 4) + "\" width=\"8\" height=\"8\" fill=\""
                    + colour + "\"/>";
            case 2 -> "<polygon points=\"" + number(x) + "," + number(y - 5) + " " + number(x - 5) + "," + number(y + 4)
                    + " " + number(x + 5) + "," + number(y + 4) + "\" fill=\"" + colour + "\"/>";
            default -> "<polygon points=\"" + number(x) + "," + number(y - 5) + " " + number(x + 5) + "," + number(y) + " "
                    + number(x) + "," + number(y + 5) + " " + number(x - 5) + "," + number(y) + "\" fill=\"" + colour + "\"/>";
        };
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\"" + anchor
                + "\" font-size=\"13\" fill=\"#212b32\">" + escape(content) + "</text>";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }

    private static String id(String title) {
        return "chart-" + Integer.toHexString(title.hashCode());
    }
}

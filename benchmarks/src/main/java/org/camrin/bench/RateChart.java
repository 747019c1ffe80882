package org.camrin.bench;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart of the report's rates as SVG: one pair of bars a measure, the service in
 * blue above its baseline in grey. The scale is logarithmic because the rates span about four
 * orders of magnitude.
 */
final class RateChart {

    private static final int LABEL_WIDTH = 430;
    private static final int PLOT_WIDTH = 420;
    private static final int BAR_HEIGHT = 12;
    private static final int ROW_HEIGHT = 2 * BAR_HEIGHT + 14;
    private static final int TOP = 46;

    private RateChart() {
    }

    static String render(String title, List<Report.Row> rows) {
        double max = rows.stream().mapToDouble(row -> Math.max(row.service(), row.baselineRate())).max().orElse(10);
        double min = rows.stream().mapToDouble(row -> Math.min(row.service(), row.baselineRate())).min().orElse(1);
        int lowDecade = (int) Math.floor(Math.log10(Math.max(1, min)));
        int highDecade = (int) Math.ceil(Math.log10(Math.max(10, max)));
        int width = LABEL_WIDTH + PLOT_WIDTH + 90;
        int height = TOP + rows.size() * ROW_HEIGHT + 40;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                escape(title)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"28\" width=\"12\" height=\"10\" fill=\"#1f5fa8\"/>"
                + "<text x=\"%d\" y=\"37\">service</text>%n", LABEL_WIDTH, LABEL_WIDTH + 16));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"28\" width=\"12\" height=\"10\" fill=\"#9a9a9a\"/>"
                + "<text x=\"%d\" y=\"37\">plain baseline (named in the table)</text>%n",
                LABEL_WIDTH + 80, LABEL_WIDTH + 96));

        int axisY = TOP + rows.size() * ROW_HEIGHT;
        for (int decade = lowDecade; decade <= highDecade; decade++) {
            double x = LABEL_WIDTH + scale(Math.pow(10, decade), lowDecade, highDecade);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#dddddd\"/>%n",
                    x, TOP - 4, x, axisY));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, axisY + 16, Report.number(Math.pow(10, decade))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">events a second "
                + "(log scale)</text>%n", LABEL_WIDTH + PLOT_WIDTH / 2, axisY + 32));

        for (int i = 0; i < rows.size(); i++) {
            Report.Row row = rows.get(i);
            int y = TOP + i * ROW_HEIGHT;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    LABEL_WIDTH - 8, y + BAR_HEIGHT + 4, escape(row.measure())));
            bar(svg, y, row.service(), "#1f5fa8", lowDecade, highDecade);
            bar(svg, y + BAR_HEIGHT + 2, row.baselineRate(), "#9a9a9a", lowDecade, highDecade);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, int y, double rate, String colour, int lowDecade, int highDecade) {
        double length = Math.max(1, scale(rate, lowDecade, highDecade));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%s</text>%n",
                LABEL_WIDTH, y, length, BAR_HEIGHT, colour, LABEL_WIDTH + length + 4, y + BAR_HEIGHT - 2,
                Report.number(rate)));
    }

    private static double scale(double rate, int lowDecade, int highDecade) {
        double position = (Math.log10(Math.max(rate, Math.pow(10, lowDecade))) - lowDecade) / (highDecade - lowDecade);
        return position * PLOT_WIDTH;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package dev.userbench.report;

import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A tablesaw {@code Figure} that also sets layout attributes tablesaw's {@code Layout} cannot (shapes, category
 * order, automargin, legend placement) and passes a config, just before {@code Plotly.newPlot}.
 */
final class PlotlyFigure extends Figure {
    private static final String CONFIG = "{responsive: true, displaylogo: false}";
    private static final String MARKER = "/*userbench:layout-additions*/";

    /** Keys are dotted paths into the layout object, e.g. {@code xaxis.categoryarray}; values become JSON. */
    private final Map<String, Object> layoutAdditions;

    PlotlyFigure(Layout layout, Map<String, Object> layoutAdditions, List<Trace> traces) {
        super(layout, traces.toArray(Trace[]::new));
        this.layoutAdditions = Map.copyOf(layoutAdditions);
    }

    /**
     * tablesaw renders the plot function through an HTML-escaping template, which would mangle JSON; so it only
     * carries a marker here, and {@link #asJavascript(String)} puts the layout additions in its place.
     */
    @Override
    protected String plotFunction(String targetName) {
        StringBuilder js = new StringBuilder("var data = [");
        for (int i = 0; i < getTraces().length; i++) {
            js.append(i == 0 ? "" : ", ").append("trace").append(i);
        }
        return js.append("];\n").append(MARKER).append("Plotly.newPlot(").append(targetName)
                .append(", data, layout, ").append(CONFIG).append(");\n").toString();
    }

    @Override
    public String asJavascript(String divName) {
        String script = super.asJavascript(divName);
        if (!script.contains(MARKER)) {
            throw new IllegalStateException("tablesaw-jsplot no longer renders the plot function as expected");
        }
        return script.replace(MARKER, layoutStatements());
    }

    private String layoutStatements() {
        StringBuilder js = new StringBuilder();
        layoutAdditions.keySet().stream().sorted().forEach(path -> {
            String[] parts = path.split("\\.");
            StringBuilder target = new StringBuilder("layout");
            for (int i = 0; i < parts.length - 1; i++) {
                target.append('.').append(parts[i]);
                js.append(target).append(" = ").append(target).append(" || {};\n");
            }
            js.append(target).append('.').append(parts[parts.length - 1]).append(" = ")
                    .append(JsonTrace.json(layoutAdditions.get(path))).append(";\n");
        });
        return js.toString();
    }
}

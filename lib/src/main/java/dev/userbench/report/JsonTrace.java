package dev.userbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.plotly.components.HoverLabel;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A plotly trace written as JSON, for what tablesaw-jsplot's own traces cannot express (error bars, boxes from
 * precomputed percentiles). It plugs into a tablesaw {@code Figure} like any built-in trace.
 */
final class JsonTrace implements Trace {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Map<String, Object> attributes;

    JsonTrace(String name, Map<String, Object> attributes) {
        this.name = name;
        Map<String, Object> copy = new LinkedHashMap<>(attributes);
        copy.put("name", name);
        this.attributes = Collections.unmodifiableMap(copy);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + value, e);
        }
    }

    @Override
    public String asJavascript(int index) {
        return "var trace" + index + " = " + json(attributes) + ";\n";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public HoverLabel hoverLabel() {
        return null;
    }

    @Override
    public boolean showLegend() {
        return Boolean.TRUE.equals(attributes.get("showlegend"));
    }
}

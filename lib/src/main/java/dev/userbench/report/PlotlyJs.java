package dev.userbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where plotly.js comes from for our charts: bundled inside the jar (so pages and notebooks draw without internet),
 * or, when the build could not fetch it, the pinned CDN file.
 *
 * <p>Show {@link #loaderHtml()} once per page or notebook, before the charts; showing it twice is harmless.
 */
public final class PlotlyJs {
    /** Classpath resource written by the build's fetch-plotly step; absent when npm was unavailable. */
    static final String BUNDLE_RESOURCE = "plotly.min.js";
    private static final String VERSION_RESOURCE = "plotly-version.properties";
    /** Used only when the filtered properties are missing (e.g. classes compiled by an IDE without Maven). */
    private static final String FALLBACK_VERSION = "2.35.2";
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    /**
     * Resolves a Plotly object, loading it at most once per page: the global one if present; else through
     * require.js (classic Notebook), which captures plotly as an AMD module; else from the CDN by a script element
     * (JupyterLab and plain pages have no {@code require}). A null CDN means "bundled": nothing is fetched, and a
     * missing Plotly leaves the static picture in place.
     */
    private static final String ENSURE_PLOTLY_FUNCTION = """
            function(cdn){var w=window;\
            if(w.Plotly){return Promise.resolve(w.Plotly);}\
            if(w.__userbenchPlotly){return w.__userbenchPlotly;}\
            w.__userbenchPlotly=new Promise(function(resolve,reject){\
            var amd=typeof w.require==='function'&&typeof w.define==='function'&&w.define.amd;\
            if(amd){if(cdn){w.require.config({paths:{plotly:cdn.replace(/\\.js$/,'')}});}\
            w.require(['plotly'],function(P){w.Plotly=w.Plotly||P;resolve(P);},reject);}\
            else if(cdn){var s=document.createElement('script');s.src=cdn;\
            s.onload=function(){w.Plotly?resolve(w.Plotly):reject(new Error('plotly.js did not define Plotly'));};\
            s.onerror=function(){reject(new Error('cannot load '+cdn));};document.head.appendChild(s);}\
            else{reject(new Error('plotly.js is not loaded on this page'));}});\
            return w.__userbenchPlotly;}""";

    private static volatile PlotlyJs fromClasspath;

    private final String version;
    private final String bundle; // null when not bundled

    private PlotlyJs(String version, String bundle) {
        this.version = version;
        this.bundle = bundle;
    }

    /** The plotly.js this jar was built with, or the CDN fallback when the build could not bundle it. */
    public static PlotlyJs fromClasspath() {
        PlotlyJs cached = fromClasspath;
        if (cached == null) {
            cached = new PlotlyJs(pinnedVersion(), readResource(BUNDLE_RESOURCE).orElse(null));
            fromClasspath = cached;
        }
        return cached;
    }

    /** Uses the given plotly.js source (e.g. a plotly.min.js read elsewhere) inline. */
    public static PlotlyJs withBundle(String plotlyMinJs) {
        Objects.requireNonNull(plotlyMinJs, "plotlyMinJs");
        return new PlotlyJs(pinnedVersion(), plotlyMinJs);
    }

    /** Always loads the pinned version from the CDN, even if a bundle is on the classpath. */
    public static PlotlyJs fromCdn() {
        return new PlotlyJs(pinnedVersion(), null);
    }

    public boolean bundled() {
        return bundle != null;
    }

    /** The pinned plotly.js version (2.x: tablesaw-jsplot's string titles are ignored by 3.x and later). */
    public String version() {
        return version;
    }

    public String cdnUrl() {
        return "https://cdn.plot.ly/plotly-" + version + ".min.js";
    }

    /**
     * An HTML fragment that makes a global {@code Plotly} available: the bundle inline, with {@code define} hidden
     * so classic Notebook's require.js does not capture it as an anonymous AMD module, or a loader of the CDN file.
     */
    public String loaderHtml() {
        if (bundled()) {
            return "<script>if(!window.Plotly){(function(){var d=window.define;window.define=undefined;try{\n"
                    + Html.bundleSafe(bundle)
                    + "\n}finally{window.define=d;}})();}</script>";
        }
        return "<script>(" + ENSURE_PLOTLY_FUNCTION + ")('" + cdnUrl() + "').catch(function(e){"
                + "if(window.console){console.warn('plotly.js unavailable, charts stay static',e);}});</script>";
    }

    /**
     * A JavaScript expression yielding a Promise of Plotly, for a chart's own script: a chart shown without the
     * loader still draws when plotly can be reached, and never refers to the CDN when bundled.
     */
    String ensurePlotlyExpression() {
        return "(" + ENSURE_PLOTLY_FUNCTION + ")(" + (bundled() ? "null" : "'" + cdnUrl() + "'") + ")";
    }

    private static String pinnedVersion() {
        Properties properties = new Properties();
        try (InputStream in = PlotlyJs.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("plotly.version", FALLBACK_VERSION);
        return VERSION.matcher(version).matches() ? version : FALLBACK_VERSION;
    }

    private static Optional<String> readResource(String name) {
        try (InputStream in = PlotlyJs.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "PlotlyJs[" + version + (bundled() ? ", bundled]" : ", " + cdnUrl() + "]");
    }
}

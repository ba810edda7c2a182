package dev.userbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlotlyJsTest {

    @Test
    void theVersionIsThePinnedTwoPointXReleaseFromThePom() {
        assertThat(PlotlyJs.fromClasspath().version()).isEqualTo("2.35.2");
        assertThat(PlotlyJs.fromCdn().cdnUrl()).isEqualTo("https://cdn.plot.ly/plotly-2.35.2.min.js");
    }

    @Test
    void aBundledLoaderInlinesPlotlyWithDefineHiddenFromRequireJs() {
        String loader = PlotlyJs.withBundle("window.Plotly={stub:true};").loaderHtml();

        assertThat(loader).startsWith("<script>").endsWith("</script>")
                .contains("window.Plotly={stub:true};", "var d=window.define;window.define=undefined;try{",
                        "}finally{window.define=d;}")
                .doesNotContain("cdn.plot.ly");
    }

    @Test
    void aBundledLoaderSkipsItselfWhenPlotlyIsAlreadyThereSoShowingItTwiceIsHarmless() {
        assertThat(PlotlyJs.withBundle("/*plotly*/").loaderHtml()).startsWith("<script>if(!window.Plotly){");
    }

    @Test
    void aBundleContainingAClosingScriptTagCannotEndTheLoaderEarly() {
        String loader = PlotlyJs.withBundle("var s='</script><p>';").loaderHtml();

        assertThat(loader).contains("var s='<\\/script><p>';");
        assertThat(loader.indexOf("</script>")).isEqualTo(loader.length() - "</script>".length());
    }

    @Test
    void anUnbundledLoaderLoadsThePinnedCdnFileOnlyWhenPlotlyIsMissing() {
        PlotlyJs cdn = PlotlyJs.fromCdn();

        assertThat(cdn.bundled()).isFalse();
        assertThat(cdn.loaderHtml()).contains("'https://cdn.plot.ly/plotly-2.35.2.min.js'", "if(w.Plotly)",
                "w.require(['plotly']");
    }

    @Test
    void fromClasspathIsBundledExactlyWhenTheBuildPackagedPlotly() {
        boolean packaged = PlotlyJs.class.getResource(PlotlyJs.BUNDLE_RESOURCE) != null;

        assertThat(PlotlyJs.fromClasspath().bundled()).isEqualTo(packaged);
    }
}

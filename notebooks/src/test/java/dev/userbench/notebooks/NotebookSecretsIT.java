package dev.userbench.notebooks;

import dev.userbench.cli.Main;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notebook run on a server with a password in its URL: the rendered notebook and its HTML, which
 * people share, hold the password nowhere (every URL the notebook shows is masked).
 */
class NotebookSecretsIT {

    private static final String SECRET = "Nb-s3cr3t&pw";

    @Test
    void aRenderedNotebookShowsNoPasswordGivenToIt() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs Debian's Jupyter");
        Path rendered = Path.of(System.getProperty("rendered.dir", "target/rendered")).resolveSibling("rendered-secret")
                .toAbsolutePath();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            // the embedded server trusts local connections, so any password gets in: the point is where it shows up
            String url = postgres.getJdbcUrl("postgres", "postgres") + "&password=" + SECRET.replace("&", "%26");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.execute(new String[] {"render", "--out", rendered.toString(), "--jdbc-url", url},
                    new PrintWriter(out, true), new PrintWriter(err, true));
            Assumptions.assumeFalse(exit == 5, "no Jupyter to run the notebook");

            assertThat(exit).as("render said: %s%s", out, err).isZero();
            assertThat(out.toString() + err).doesNotContain(SECRET).doesNotContain("s3cr3t");
            List<Path> files;
            try (Stream<Path> listing = Files.list(rendered)) {
                files = listing.filter(p -> p.toString().endsWith(".ipynb") || p.toString().endsWith(".html")).toList();
            }
            assertThat(files).hasSizeGreaterThanOrEqualTo(2);
            for (Path file : files) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("s3cr3t").contains("password=***");
            }
        }
    }
}

package dev.userbench.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userbench.cli.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedRunTest {

    @ParameterizedTest
    @ValueSource(strings = {EmbeddedServers.POSTGRES, EmbeddedServers.MARIADB})
    void theCommandLineRunsOnAServerItStartsAndLeavesNoProcessBehind(String url, @TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", "--jdbc-url", url, "--users", "300", "--logins", "50",
                "--trials", "2", "--warmup", "10", "--out", dir.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).as(err.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(results.at("/data_check/equal").asBoolean()).isTrue();
        assertThat(results.at("/environment/engine").asText()).isIn("postgresql", "mysql");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().orElse("")).filter(c -> c.contains("postgres") || c.contains("mariadbd")))
                .isEmpty();
    }
}

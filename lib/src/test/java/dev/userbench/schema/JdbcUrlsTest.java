package dev.userbench.schema;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:mysql://h:3306/db?user=u&password=s3cret|jdbc:mysql://h:3306/db?user=u&password=***",
            "jdbc:postgresql://h/db?password=s3cret&user=u|jdbc:postgresql://h/db?password=***&user=u",
            "jdbc:mariadb://u:s3cret@h:3306/db|jdbc:mariadb://u:***@h:3306/db",
            "jdbc:sqlserver://h;user=u;password=s3cret;db=x|jdbc:sqlserver://h;user=u;password=***;db=x",
            "jdbc:mysql://h/db?PASSWORD=s3cret|jdbc:mysql://h/db?PASSWORD=***",
            "jdbc:sqlite:temp/db/x.db|jdbc:sqlite:temp/db/x.db"})
    void passwordsAreMaskedWhereverTheUrlCarriesThem(String url, String masked) {
        assertThat(JdbcUrls.mask(url)).isEqualTo(masked).doesNotContain("s3cret");
    }
}

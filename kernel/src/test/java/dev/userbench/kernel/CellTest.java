package dev.userbench.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CellTest {
    @Test
    void magicLinesSplitJavaCodeAndKeepItsLineNumbers() {
        Cell cell = Cell.parse("int a = 1;\n%jars lib/*.jar\nimport demo.X;\nX.go();");

        assertThat(cell.parts()).containsExactly(
                new Cell.JavaCode("int a = 1;", 1),
                new Cell.LineMagic("jars", List.of("lib/*.jar"), 2),
                new Cell.JavaCode("import demo.X;\nX.go();", 3));
    }

    @Test
    void leadingBlankLinesCountTowardsLineNumbers() {
        assertThat(Cell.parse("\n\nint a = 1;").parts()).containsExactly(new Cell.JavaCode("\n\nint a = 1;", 1));
    }

    @Test
    void aPercentLineInsideATextBlockIsText() {
        String source = "String s = \"\"\"\n%jars not-a-magic\n\"\"\";";

        assertThat(Cell.parse(source).parts()).containsExactly(new Cell.JavaCode(source, 1));
    }

    @Test
    void quotedMagicArgumentsKeepTheirSpaces() {
        assertThat(Cell.splitArguments(" a.jar \"with space/*.jar\" 'b c' ")).containsExactly("a.jar", "with space/*.jar", "b c");
    }

    @Test
    void aDoublePercentFirstLineMakesACellMagic() {
        assertThat(Cell.parse("%%loadFromPOM\n<dependency/>").parts())
                .containsExactly(new Cell.CellMagic("loadFromPOM", "<dependency/>"));
    }

    @Test
    void javaOnlyBlanksMagicLinesAndKeepsTheRest() {
        assertThat(Cell.parse("int a = 1;\n%jars x.jar\nint b = 2;").javaOnly()).isEqualTo("int a = 1;\n\nint b = 2;");
    }
}

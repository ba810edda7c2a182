package dev.userbench.notebook;

import dev.userbench.bench.BenchContext;
import dev.userbench.bench.BenchmarkRun;
import dev.userbench.bench.Harness;
import dev.userbench.bench.StatementCounter;
import dev.userbench.bench.workload.LoginWorkload;
import dev.userbench.bench.workload.Workload;
import dev.userbench.bench.workload.WorkloadSettings;
import dev.userbench.bench.workload.Workloads;
import dev.userbench.orm.Mapping;
import dev.userbench.orm.OrmArms;
import dev.userbench.schema.Layout;
import dev.userbench.seed.UserGenerator;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The plumbing of the notebook's Part 5, "Through an ORM": the mappings' source and the SQL each one sends. */
public final class OrmPart {

    private OrmPart() {
    }

    /** The entity classes of a mapping as they are written (the jar carries their source), in Markdown. */
    public static String source(Mapping mapping) {
        StringBuilder markdown = new StringBuilder("**" + mapping.name() + "** on `" + mapping.layout().name() + "`\n");
        for (Class<?> entity : mapping.entities()) {
            markdown.append("```java\n").append(withoutPreamble(read(entity))).append("```\n");
        }
        return markdown.toString();
    }

    /** Every mapping's entities, once each: the projection reuses its layout's entity. */
    public static List<String> sources() {
        Set<Class<?>> shown = new LinkedHashSet<>();
        List<String> parts = new ArrayList<>();
        for (Mapping mapping : Mapping.all()) {
            if (shown.addAll(mapping.entities())) {
                parts.add(source(mapping));
            }
        }
        return parts;
    }

    /**
     * One call of each workload on each arm (plain JDBC and every mapping of the layouts), its SQL as the driver
     * received it, one row per statement. The layouts are seeded again with {@code users} users first, so the cell
     * runs whatever ran before it.
     */
    public static Table sqlPerOperation(NotebookDatabase db, List<Layout> layouts, long users, List<String> workloads)
            throws SQLException {
        BenchContext context = db.context(new UserGenerator(UserGenerator.DEFAULT_SEED), users, List.of());
        List<Harness.Arm> arms = new ArrayList<>(BenchmarkRun.arms(db.dialect(), layouts));
        List<Harness.Arm> ormArms = OrmArms.of(db.spec(), arms);
        arms.addAll(ormArms);
        for (Layout layout : layouts) {
            new LoginWorkload(WorkloadSettings.defaults(UserGenerator.DEFAULT_SEED)).prepare(context, db.dialect().sql(layout));
        }
        Table table = Table.create("SQL per operation, as the driver received it", StringColumn.create("arm"),
                StringColumn.create("operation"), IntColumn.create("statement"), StringColumn.create("sql"));
        try {
            for (String name : workloads) {
                Workload workload = Workloads.create(name, WorkloadSettings.defaults(UserGenerator.DEFAULT_SEED)
                        .withThreads(1));
                for (Harness.Arm arm : arms) {
                    if (!arm.access().supports(workload, arm.sql())) {
                        continue;
                    }
                    StatementCounter counter = StatementCounter.over(db.connection());
                    workload.runOnThisThread(context, arm.sql(), arm.access(), counter.connection(), 1);
                    List<String> sql = counter.sql();
                    for (int i = 0; i < sql.size(); i++) {
                        table.stringColumn("arm").append(arm.label());
                        table.stringColumn("operation").append(name);
                        table.intColumn("statement").append(i + 1);
                        table.stringColumn("sql").append(sql.get(i));
                    }
                }
            }
        } finally {
            OrmArms.close(ormArms);
        }
        return table;
    }

    private static String read(Class<?> entity) {
        String resource = "/" + entity.getName().replace('.', '/') + ".java";
        try (InputStream in = entity.getResourceAsStream(resource)) {
            if (in == null) {
                return "// the source of " + entity.getSimpleName() + " is not in this jar: rebuild it with Maven\n";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the class's comment on: the package line and imports say nothing a reader needs. */
    private static String withoutPreamble(String source) {
        int start = source.indexOf("/**");
        int declaration = source.indexOf("@Entity");
        int from = start >= 0 && (declaration < 0 || start < declaration) ? start : Math.max(0, declaration);
        return source.substring(from);
    }
}

package dev.userbench.kernel;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Builds a jar holding one compiled class, for the classpath magics' tests. */
final class TinyJar {
    private TinyJar() {
    }

    /**
     * Compiles {@code source} (a public class {@code simpleName} in package {@code packageName}) and
     * writes it as {@code jar}.
     */
    static Path build(Path workDir, Path jar, String packageName, String simpleName, String source) throws IOException {
        Path sourceFile = workDir.resolve("src").resolve(packageName.replace('.', '/')).resolve(simpleName + ".java");
        Path classes = workDir.resolve("classes");
        Files.createDirectories(sourceFile.getParent());
        Files.createDirectories(classes);
        Files.writeString(sourceFile, source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), sourceFile.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed on " + sourceFile);
        }

        String entryName = packageName.replace('.', '/') + "/" + simpleName + ".class";
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(entryName));
            Files.copy(classes.resolve(entryName), out);
            out.closeEntry();
        }
        return jar;
    }
}

package ciment.devkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A main class run to its end in a JVM of its own, with only the environment given (as Lambda starts one). */
public record JvmRun(int exitCode, String out, String err) {
    private static final long TIMEOUT_MINUTES = 2;

    public static JvmRun of(List<Path> classpath, String mainClass, Map<String, String> environment, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()), mainClass));
        command.addAll(args);
        try {
            Path out = Files.createTempFile("jvm-out", ".txt");
            Path err = Files.createTempFile("jvm-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
            return new JvmRun(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + mainClass + " ran", e);
        }
    }
}

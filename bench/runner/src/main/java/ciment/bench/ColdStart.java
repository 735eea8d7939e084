package ciment.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Launches a function's jar in a fresh JVM under the real Lambda runtime interface client and times
 * JVM launch to the first answered request.
 */
final class ColdStart {
    static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** Close to the flags AWS's Java runtimes start functions with: C1 only, serial GC. The same for every function. */
    static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");

    /** More flags for experiments (-Dciment.bench.jvmFlags="-Xlog:class+load:file=..."), given to every function. */
    static final List<String> EXTRA_FLAGS = List.of(System.getProperty("ciment.bench.jvmFlags", "").split(" ")).stream()
            .filter(flag -> !flag.isBlank()).toList();

    record Function(String label, Path jar, String handler) {
    }

    record Run(double seconds, String answer) {
    }

    private final List<Path> runtimeJars;
    private final Map<String, String> environment;

    ColdStart(List<Path> runtimeJars, Map<String, String> environment) {
        this.runtimeJars = runtimeJars;
        this.environment = environment;
    }

    Run once(Function function, String eventJson) throws Exception {
        try (FakeRuntimeApi runtimeApi = new FakeRuntimeApi(eventJson)) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_FLAGS);
            command.addAll(EXTRA_FLAGS);
            command.add("-cp");
            command.add(classpath(function.jar()));
            command.add(RUNTIME_MAIN);
            command.add(function.handler());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(environment);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
            builder.environment().put("_HANDLER", function.handler());
            long start = System.nanoTime();
            Process process = builder.start();
            try {
                FakeRuntimeApi.Answer answer = runtimeApi.answer().get(60, TimeUnit.SECONDS);
                if (answer.isError()) {
                    throw new IllegalStateException(function.label() + " failed: " + answer.body());
                }
                return new Run((answer.atNanos() - start) / 1e9, answer.body());
            } finally {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private String classpath(Path functionJar) {
        List<String> entries = new ArrayList<>();
        entries.add(functionJar.toString());
        runtimeJars.forEach(jar -> entries.add(jar.toString()));
        return String.join(File.pathSeparator, entries);
    }
}

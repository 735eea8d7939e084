package ciment.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmRunTest {

    /** Run by the test in a JVM of its own. */
    public static final class Echo {
        public static void main(String[] args) {
            System.out.print(args[0] + " " + System.getenv("GREETING"));
            System.err.print(System.getenv().keySet());
            System.exit(3);
        }
    }

    @Test
    void run_givesTheExitCodeAndBothOutputs_andTheMainSeesOnlyTheEnvironmentGiven() throws Exception {
        Path testClasses = Path.of(Echo.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        JvmRun run = JvmRun.of(List.of(testClasses), Echo.class.getName(), Map.of("GREETING", "hello"), List.of("say"));

        assertEquals(new JvmRun(3, "say hello", "[GREETING]"), run);
    }
}

package ciment.infra.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.port.Repositories;
import ciment.devkit.MotoServer;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.infra.testing.MotoTables;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class StoreStartupTest {
    private static Settings onMoto(String table) {
        return Settings.of(Map.of("AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString(), "CIMENT_TABLE", table));
    }

    @Test
    void begin_onTheTable_completesWithTheStore_primedOnce() {
        DynamoRepositories dynamo = StoreStartup.begin(onMoto(MotoTables.create("startup"))).join();
        Repositories store = dynamo.repositories();

        assertEquals(2, dynamo.meter().usage(DynamoRepositories.PRIME).requests(), "one read and one index query, once");
        assertEquals(List.of(), store.communities().catalog());
    }

    @Test
    void begin_whenPrimingFails_stillCompletesWithTheStore_forTheFirstRequestToTryAgain() {
        DynamoRepositories dynamo = StoreStartup.begin(onMoto("no-such-table-startup")).join();
        Repositories store = dynamo.repositories();

        assertThrows(ResourceNotFoundException.class, store.communities()::catalog, "the store of the settings' table");
    }

    @Test
    void begin_whenTheStoreCannotBeMade_failsTheFuture_withTheReason() {
        Settings incomplete = onMoto("startup").with("AWS_ACCESS_KEY_ID", "AKIAWITHOUTSECRET");

        ExecutionException failure = assertThrows(ExecutionException.class, () -> StoreStartup.begin(incomplete).get());

        IllegalStateException reason = assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertTrue(reason.getMessage().startsWith("AWS_SECRET_ACCESS_KEY is not set"), reason.getMessage());
    }

    @Test
    void begin_whenPrimingThrowsAnError_failsTheFuture_insteadOfLeavingRequestsWaiting() {
        NoClassDefFoundError damagedJar = new NoClassDefFoundError("software/amazon/awssdk/VectorCapacity");

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> StoreStartup.begin("t", () -> "store", store -> {
                    throw damagedJar;
                }).get(10, java.util.concurrent.TimeUnit.SECONDS));

        assertEquals(damagedJar, failure.getCause());
    }
}

package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.model.Community;
import ciment.core.model.Role;
import ciment.core.port.Communities;
import ciment.core.port.Communities.Left;
import ciment.core.port.Communities.RoleChanged;
import ciment.core.port.Repositories;
import ciment.devkit.MotoServer;
import ciment.infra.aws.DynamoClients;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** A steward is demoted by someone else between leave's read of their membership and its write. */
class LeaveWhileRoleChangesTest {

    @Test
    void leave_whenDemotedBetweenReadAndWrite_retriesAsMember_andKeepsTheRemainingSteward() {
        String table = MotoTables.create("role-change");
        Community community = Sample.community(Sample.slug("demoted"), Sample.personId());
        String other = Sample.personId();
        Communities setup = MotoTables.repositories(table).repositories().communities();
        setup.create(community, Sample.steward(community));
        setup.join(Sample.stewardToo(community, other));
        AtomicBoolean demoted = new AtomicBoolean();
        Repositories store = DynamoRepositories.create(clientThatFirst(() -> {
            if (demoted.compareAndSet(false, true)) {
                assertEquals(RoleChanged.CHANGED, setup.setRole(community.id(), community.createdBy(), Role.MEMBER));
            }
        }), table, new CapacityMeter(CapacityMeter.Source.COMPUTED)).repositories();

        assertEquals(Left.LEFT, store.communities().leave(community.id(), community.createdBy()));

        assertTrue(demoted.get());
        assertTrue(store.communities().membership(community.id(), community.createdBy()).isEmpty());
        Community after = store.communities().find(community.slug()).orElseThrow();
        assertEquals(1, after.memberCount());
        assertEquals(1, after.stewardCount());
        assertTrue(store.communities().membership(community.id(), other).orElseThrow().isSteward());
        assertEquals(List.of(other), store.communities().stewards(community.id()));
    }

    /** A client that runs the given change just before each transaction it sends. */
    private static DynamoDbClient clientThatFirst(Runnable change) {
        ExecutionInterceptor beforeTransactions = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof TransactWriteItemsRequest) {
                    change.run();
                }
            }
        };
        return DynamoClients.builder(Settings.of(Map.of("AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString())))
                .overrideConfiguration(c -> c.addExecutionInterceptor(beforeTransactions))
                .build();
    }
}
